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

constexpr const char* kRank = "bm25(article_search, 10.0, 1.0, 4.0, 2.0, 0.0)";
constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001
constexpr int kSnippetTokens = 28;

// Paragraph breaks and runs of spaces in a passage read as one space.
void Squeeze(search::HighlightedText& text) {
  bool space = false;
  for (auto& f : text) {
    std::string out;
    for (char c : f.text) {
      const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (blank && space) continue;
      out += blank ? ' ' : c;
      space = blank;
    }
    f.text = std::move(out);
  }
  while (!text.empty() && !text.back().match && !text.back().text.empty() && text.back().text.back() == ' ') {
    text.back().text.pop_back();
    if (text.back().text.empty()) text.pop_back();
  }
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
  std::vector<std::string> dates;
  if (q.from || q.until) {
    // Only the days that hold articles need naming: the range is clamped to the archive's.
    auto first = Edge("SELECT min(published_at) FROM articles WHERE status = 'published' AND kind = 'article'");
    auto last = Edge("SELECT max(published_at) FROM articles WHERE status = 'published' AND kind = 'article'");
    if (!first) return first.error();
    if (!last) return last.error();
    if (!*first || !*last) return results;
    const UnixTime from = std::max(q.from.value_or(**first), **first);
    const UnixTime until = std::min(q.until.value_or(**last + 1), **last + 1);
    if (from >= until) return results;
    // A range that holds the whole archive filters nothing: the engine is spared it.
    if (from > **first || until <= **last) dates = DateFacets(from, until);
  }
  const std::string terms = ToFts5(q.terms, q.match);
  const std::string expression = WithFacets(terms, q.tag_slug, dates, q.author_slug);
  auto total = Count(expression);
  if (!total) return MatchError(total.error());
  results.total = *total;
  if (results.total == 0) return results;

  std::vector<Ranked> ranked;
  if (results.total <= kRankAll) {
    if (auto st = Rank(expression, "", 1, ranked); !st) return MatchError(st.error());
  } else {
    // A broad query: headline matches first (ranked among themselves), then the most recent
    // matches. Both are bounded, so BM25 is computed for at most 2 * kBroadWindow articles.
    const std::string window = " ORDER BY rowid DESC LIMIT " + std::to_string(kBroadWindow);
    if (auto st = Rank(WithFacets(InTitleOnly(terms), q.tag_slug, dates, q.author_slug), window, 0, ranked); !st)
      return MatchError(st.error());
    if (auto st = Rank(expression, window, 1, ranked); !st) return MatchError(st.error());
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

Result<std::optional<UnixTime>> SearchStore::Edge(const char* sql) const {
  auto st = db_.Prepare(sql);
  auto row = st.Step();
  if (!row) return row.error();
  if (!*row || st.IsNull(0)) return std::optional<UnixTime>();
  return std::optional<UnixTime>(st.Int(0));
}

Result<int> SearchStore::Count(const std::string& expression) const {
  auto st = db_.Prepare("SELECT count(*) FROM article_search WHERE article_search MATCH ?1");
  st.Bind(1, expression);
  auto row = st.Step();
  if (!row) return row.error();
  return *row ? static_cast<int>(st.Int(0)) : 0;
}

Status SearchStore::Rank(const std::string& expression, const std::string& tail, int tier,
                         std::vector<Ranked>& out) const {
  auto st =
      db_.Prepare(std::string("SELECT rowid, ") + kRank + " FROM article_search WHERE article_search MATCH ?1" + tail);
  st.Bind(1, expression);
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
                          " WHERE a.id = ?1 AND a.status = 'published' AND a.kind = 'article'");
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
    Squeeze(hit.snippet);
  } else {
    hit.title = {{hit.article.title, false}};
  }
  return std::optional<search::SearchHit>(std::move(hit));
}

Status SearchStore::Optimize() { return db_.Exec("INSERT INTO article_search (article_search) VALUES ('optimize')"); }

Status SearchStore::Rebuild() {
  Database::Transaction tx(db_);
  for (const char* sql : {"DELETE FROM article_search",
                          "INSERT INTO article_search (rowid, title, body, tags, author, facets) "
                          "SELECT id, title, body, tags, author, facets FROM article_search_source",
                          "INSERT INTO article_search (article_search) VALUES ('optimize')"})
    if (auto st = db_.Exec(sql); !st) return st;
  return tx.Commit();
}

}  // namespace gazette::storage::sqlite
