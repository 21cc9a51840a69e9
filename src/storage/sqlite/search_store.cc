// SearchStore: parameterised SQL over the FTS5 table. The reader's words arrive as quoted terms
// (fts5_query.h); snippets come back with private-use markers that are turned into fragments, so
// that the article text is escaped like any other text and only our <mark> is markup.
#include "storage/sqlite/search_store.h"

#include <algorithm>
#include <unordered_set>

#include "storage/sqlite/article_store.h"
#include "storage/sqlite/fts5_query.h"

namespace gazette::storage::sqlite {
namespace {

constexpr const char* kBm25 = "bm25(article_search, 10.0, 1.0, 4.0, 2.0)";
constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001
constexpr int kSnippetTokens = 28;

bool Filtered(const search::SearchQuery& q) { return q.tag_slug || q.from || q.until; }

// SELECT `columns` over the matches of ?1 within the filters (?2 from, ?3 until, ?4 tag).
std::string MatchSql(const search::SearchQuery& q, const std::string& columns, const std::string& tail) {
  std::string sql = "SELECT " + columns + " FROM article_search s";
  if (Filtered(q)) sql += " JOIN articles a ON a.id = s.rowid";
  sql += " WHERE article_search MATCH ?1";
  if (q.from) sql += " AND a.published_at >= ?2";
  if (q.until) sql += " AND a.published_at < ?3";
  if (q.tag_slug)
    sql += " AND a.id IN (SELECT x.article_id FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.slug = ?4)";
  return sql + tail;
}

void BindFilters(Statement& st, const search::SearchQuery& q, const std::string& expression) {
  st.Bind(1, expression);
  if (q.from) st.Bind(2, *q.from);
  if (q.until) st.Bind(3, *q.until);
  if (q.tag_slug) st.Bind(4, *q.tag_slug);
}

// An FTS5 error can only come from the expression; ours are always well-formed, but a reader
// must never see a 500 for what they typed.
Error MatchError(const Error& e) {
  if (e.code == ErrorCode::kInternal && e.message.find("fts5") != std::string::npos)
    return Error::Invalid("The search could not be understood.", "q");
  return e;
}

}  // namespace

Result<search::SearchResults> SearchStore::Search(const search::SearchQuery& q) const {
  search::SearchResults results;
  if (q.terms.empty()) return results;
  const std::string expression = ToFts5(q.terms, q.match);
  auto total = Count(q, expression);
  if (!total) return MatchError(total.error());
  results.total = *total;
  if (results.total == 0) return results;

  std::vector<Ranked> ranked;
  if (results.total <= kRankAll) {
    if (auto st = Rank(q, expression, "", 1, ranked); !st) return MatchError(st.error());
  } else {
    // A broad query: headline matches first (ranked among themselves), then the most recent
    // matches. Both are bounded, so BM25 is computed for at most 2 * kBroadWindow articles.
    const std::string window = " ORDER BY s.rowid DESC LIMIT " + std::to_string(kBroadWindow);
    if (auto st = Rank(q, InTitleOnly(expression), window, 0, ranked); !st) return MatchError(st.error());
    if (auto st = Rank(q, expression, window, 1, ranked); !st) return MatchError(st.error());
  }
  std::unordered_set<std::int64_t> seen;
  std::erase_if(ranked, [&](const Ranked& r) { return !seen.insert(r.id).second; });
  const std::size_t end = std::min(ranked.size(), static_cast<std::size_t>(std::max(0, q.offset + q.limit)));
  const std::size_t begin = std::min(end, static_cast<std::size_t>(std::max(0, q.offset)));
  auto better = [](const Ranked& a, const Ranked& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.score != b.score) return a.score > b.score;
    return a.id > b.id;  // ties: the more recently added article
  };
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(), better);
  results.ranked = static_cast<int>(ranked.size());
  for (std::size_t i = begin; i < end; ++i) {
    auto hit = Hit(expression, ranked[i]);
    if (!hit) return MatchError(hit.error());
    if (*hit) results.hits.push_back(std::move(**hit));
  }
  return results;
}

Result<int> SearchStore::Count(const search::SearchQuery& q, const std::string& expression) const {
  auto st = db_.Prepare(MatchSql(q, "count(*)", ""));
  BindFilters(st, q, expression);
  auto row = st.Step();
  if (!row) return row.error();
  return *row ? static_cast<int>(st.Int(0)) : 0;
}

Status SearchStore::Rank(const search::SearchQuery& q, const std::string& expression, const std::string& tail,
                         int tier, std::vector<Ranked>& out) const {
  auto st = db_.Prepare(MatchSql(q, std::string("s.rowid, ") + kBm25, tail));
  BindFilters(st, q, expression);
  for (;;) {
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) return Status::Ok();
    out.push_back(Ranked{st.Int(0), -st.Real(1), tier});
  }
}

Result<std::optional<search::SearchHit>> SearchStore::Hit(const std::string& expression, const Ranked& r) const {
  search::SearchHit hit;
  hit.score = r.score;
  {
    auto st = db_.Prepare(std::string("SELECT ") + kSummaryColumns + " FROM articles a " + kPrimaryTagJoin +
                          " WHERE a.id = ?1 AND a.status = 'published'");
    st.Bind(1, r.id);
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) return std::optional<search::SearchHit>();
    hit.article = ReadSummary(st);
  }
  auto st = db_.Prepare(
      "SELECT highlight(article_search, 0, ?2, ?3), snippet(article_search, 1, ?2, ?3, '…', ?5) "
      "FROM article_search WHERE article_search MATCH ?1 AND rowid = ?4");
  st.Bind(1, expression).Bind(2, kOpen).Bind(3, kClose).Bind(4, r.id).Bind(5, std::int64_t{kSnippetTokens});
  auto row = st.Step();
  if (!row) return row.error();
  if (*row) {
    hit.title = search::ParseMarked(st.Text(0), kOpen, kClose);
    hit.snippet = search::ParseMarked(st.Text(1), kOpen, kClose);
  } else {
    hit.title = {{hit.article.title, false}};
  }
  return std::optional<search::SearchHit>(std::move(hit));
}

Status SearchStore::Rebuild() {
  Database::Transaction tx(db_);
  if (auto st = db_.Exec("DELETE FROM article_search"); !st) return st;
  if (auto st = db_.Exec(
          "INSERT INTO article_search (rowid, title, body, tags, author) "
          "SELECT a.id, a.title, a.body_text, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x "
          "JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), ''), a.author "
          "FROM articles a WHERE a.status = 'published'");
      !st)
    return st;
  if (auto st = db_.Exec("INSERT INTO article_search (article_search) VALUES ('optimize')"); !st) return st;
  return tx.Commit();
}

}  // namespace gazette::storage::sqlite
