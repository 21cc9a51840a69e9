// RelatedStore: lists are stored by rank; reading joins the live articles table so an
// unpublished article drops out of every list at once. Vectors are stored as blobs of
// (term id, weight) in native byte order: they are derived from the articles' text, rebuilt by
// `gazette related rebuild`, never exchanged between machines.
#include "storage/sqlite/related_store.h"

#include <cstring>

#include "storage/sqlite/article_store.h"

namespace gazette::storage::sqlite {

using content::ArticleId;
using related::TermId;

namespace {

// (int32 term id, float weight) pairs; a tag term is stored with a negative id.
std::string EncodeVector(const related::TermVector& v) {
  std::string out(v.size() * 8, '\0');
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto id = static_cast<std::int32_t>(v[i].tag ? -v[i].term : v[i].term);
    std::memcpy(out.data() + i * 8, &id, 4);
    std::memcpy(out.data() + i * 8 + 4, &v[i].weight, 4);
  }
  return out;
}

related::TermVector DecodeVector(const std::string& bytes) {
  related::TermVector v(bytes.size() / 8);
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::int32_t id = 0;
    std::memcpy(&id, bytes.data() + i * 8, 4);
    std::memcpy(&v[i].weight, bytes.data() + i * 8 + 4, 4);
    v[i].tag = id < 0;
    v[i].term = id < 0 ? -id : id;
  }
  return v;
}

std::string EncodeIds(const std::vector<TermId>& ids) {
  std::string out(ids.size() * 4, '\0');
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto id = static_cast<std::int32_t>(ids[i]);
    std::memcpy(out.data() + i * 4, &id, 4);
  }
  return out;
}

std::vector<TermId> DecodeIds(const std::string& bytes) {
  std::vector<TermId> ids(bytes.size() / 4);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::int32_t id = 0;
    std::memcpy(&id, bytes.data() + i * 4, 4);
    ids[i] = id;
  }
  return ids;
}

template <typename F>
Status EachRow(Statement& st, F&& f) {
  for (;;) {
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) return Status::Ok();
    f(st);
  }
}

}  // namespace

Status RelatedStore::InTransaction(const std::function<Status()>& work) { return db_.InTransaction(work); }

Result<related::IndexStats> RelatedStore::Stats() const {
  auto st = db_.Prepare("SELECT key, value FROM related_stats");
  related::IndexStats stats;
  auto r = EachRow(st, [&](const Statement& s) {
    const std::string key = s.Text(0);
    if (key == "documents")
      stats.documents = static_cast<int>(s.Real(1));
    else if (key == "total_length")
      stats.total_length = s.Real(1);
    else if (key == "version")
      stats.version = static_cast<std::int64_t>(s.Real(1));
  });
  if (!r) return r.error();
  return stats;
}

Status RelatedStore::SetStats(const related::IndexStats& stats) {
  const std::pair<const char*, double> rows[] = {{"documents", static_cast<double>(stats.documents)},
                                                 {"total_length", stats.total_length},
                                                 {"version", static_cast<double>(stats.version)}};
  for (const auto& [key, value] : rows) {
    auto st = db_.Prepare(
        "INSERT INTO related_stats (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value");
    st.Bind(1, std::string_view(key)).Bind(2, value);
    if (auto r = st.Run(); !r) return r;
  }
  return Status::Ok();
}

Result<std::vector<related::TermStats>> RelatedStore::Terms(const std::vector<std::string>& terms) {
  std::vector<related::TermStats> out;
  out.reserve(terms.size());
  for (const auto& term : terms) {
    {
      auto find = db_.Prepare("SELECT id, df FROM related_terms WHERE term = ?1");
      find.Bind(1, term);
      auto row = find.Step();
      if (!row) return row.error();
      if (*row) {
        out.push_back({find.Int(0), static_cast<int>(find.Int(1))});
        continue;
      }
    }
    auto insert = db_.Prepare("INSERT INTO related_terms (term, df) VALUES (?1, 0)");
    insert.Bind(1, term);
    if (auto st = insert.Run(); !st) return st.error();
    out.push_back({db_.LastInsertId(), 0});
  }
  return out;
}

Status RelatedStore::AddToDocumentFrequencies(const std::vector<TermId>& terms, int delta) {
  for (TermId id : terms) {
    auto st = db_.Prepare("UPDATE related_terms SET df = max(0, df + ?2) WHERE id = ?1");
    st.Bind(1, id).Bind(2, std::int64_t{delta});
    if (auto r = st.Run(); !r) return r;
  }
  return Status::Ok();
}

Result<std::optional<related::IndexedArticle>> RelatedStore::Indexed(ArticleId id) const {
  auto st = db_.Prepare(
      "SELECT published_at, posted, length, shared, base, vector, terms, headline FROM related_vectors "
      "WHERE article_id = ?1");
  st.Bind(1, id);
  return st.First([id](const Statement& s) {
    related::IndexedArticle a;
    a.id = id;
    a.published_at = s.Int(0);
    a.posted = s.Int(1) != 0;
    a.length = s.Real(2);
    a.shared = s.Real(3);
    a.base = DecodeVector(s.Text(4));
    a.vector = DecodeVector(s.Text(5));
    a.terms = DecodeIds(s.Text(6));
    a.headline = static_cast<std::uint64_t>(s.Int(7));
    return a;
  });
}

Status RelatedStore::PutIndexed(const related::IndexedArticle& a) {
  auto st = db_.Prepare(
      "INSERT OR REPLACE INTO related_vectors (article_id, published_at, posted, length, shared, base, vector, "
      "terms, headline) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS BLOB), CAST(?7 AS BLOB), CAST(?8 AS BLOB), ?9)");
  st.Bind(1, a.id).Bind(2, a.published_at).Bind(3, std::int64_t{a.posted}).Bind(4, a.length).Bind(5, a.shared);
  st.Bind(6, EncodeVector(a.base)).Bind(7, EncodeVector(a.vector)).Bind(8, EncodeIds(a.terms));
  st.Bind(9, static_cast<std::int64_t>(a.headline));
  return st.Run();
}

Status RelatedStore::RemoveIndexed(ArticleId id) {
  auto st = db_.Prepare("DELETE FROM related_vectors WHERE article_id = ?1");
  st.Bind(1, id);
  return st.Run();
}

Status RelatedStore::VisitPosted(
    const std::function<void(ArticleId, UnixTime, related::TermVector&&, related::TermVector&&)>& visit) const {
  auto st = db_.Prepare("SELECT article_id, published_at, base, vector FROM related_vectors WHERE posted = 1");
  return EachRow(
      st, [&](const Statement& s) { visit(s.Int(0), s.Int(1), DecodeVector(s.Text(2)), DecodeVector(s.Text(3))); });
}

Status RelatedStore::ReplaceIndex(const std::vector<std::pair<std::string, int>>& vocabulary,
                                  const std::vector<related::IndexedArticle>& articles,
                                  const related::IndexStats& stats) {
  for (const char* sql : {"DELETE FROM related_vectors", "DELETE FROM related_terms"})
    if (auto st = db_.Exec(sql); !st) return st;
  for (std::size_t i = 0; i < vocabulary.size(); ++i) {
    auto st = db_.Prepare("INSERT INTO related_terms (id, term, df) VALUES (?1, ?2, ?3)");
    st.Bind(1, static_cast<std::int64_t>(i + 1))
        .Bind(2, vocabulary[i].first)
        .Bind(3, std::int64_t{vocabulary[i].second});
    if (auto r = st.Run(); !r) return r;
  }
  for (const auto& a : articles)
    if (auto st = PutIndexed(a); !st) return st;
  return SetStats(stats);
}

Result<std::vector<related::RelatedLink>> RelatedStore::StoredList(ArticleId id) const {
  auto st = db_.Prepare("SELECT related_id, score FROM related_articles WHERE article_id = ?1 ORDER BY rank");
  st.Bind(1, id);
  return st.Collect([](const Statement& s) { return related::RelatedLink{s.Int(0), s.Real(1)}; });
}

Result<related::RelatedLists> RelatedStore::AllStoredLists() const {
  auto st = db_.Prepare("SELECT article_id, related_id, score FROM related_articles ORDER BY article_id, rank");
  related::RelatedLists out;
  auto r = EachRow(st, [&](const Statement& s) { out[s.Int(0)].push_back({s.Int(1), s.Real(2)}); });
  if (!r) return r.error();
  return out;
}

Result<std::vector<ArticleId>> RelatedStore::ListsMentioning(ArticleId id) const {
  auto st = db_.Prepare(
      "SELECT article_id FROM related_articles WHERE related_id = ?1 "
      "UNION SELECT article_id FROM related_overrides WHERE other_id = ?1 AND kind = 'pin'");
  st.Bind(1, id);
  return st.Collect([](const Statement& s) { return ArticleId{s.Int(0)}; });
}

Result<bool> RelatedStore::WriteList(ArticleId id, const std::vector<related::RelatedLink>& list) {
  auto old = StoredList(id);
  if (!old) return old.error();
  bool same = old->size() == list.size();
  for (std::size_t i = 0; same && i < list.size(); ++i) same = (*old)[i].id == list[i].id;
  if (same) {
    // No trigger watches scores: updating them in place leaves the cached page alone.
    for (std::size_t i = 0; i < list.size(); ++i) {
      if ((*old)[i].score == list[i].score) continue;
      auto st = db_.Prepare("UPDATE related_articles SET score = ?3 WHERE article_id = ?1 AND rank = ?2");
      st.Bind(1, id).Bind(2, static_cast<std::int64_t>(i)).Bind(3, list[i].score);
      if (auto r = st.Run(); !r) return r.error();
    }
    return false;
  }
  auto del = db_.Prepare("DELETE FROM related_articles WHERE article_id = ?1");
  del.Bind(1, id);
  if (auto r = del.Run(); !r) return r.error();
  for (std::size_t rank = 0; rank < list.size(); ++rank) {
    auto st = db_.Prepare("INSERT INTO related_articles (article_id, rank, related_id, score) VALUES (?1, ?2, ?3, ?4)");
    st.Bind(1, id).Bind(2, static_cast<std::int64_t>(rank)).Bind(3, list[rank].id).Bind(4, list[rank].score);
    if (auto r = st.Run(); !r) return r.error();
  }
  return true;
}

Result<related::Overrides> RelatedStore::OverridesOf(ArticleId id) const {
  auto st =
      db_.Prepare("SELECT other_id, kind FROM related_overrides WHERE article_id = ?1 ORDER BY created_at, rowid");
  st.Bind(1, id);
  related::Overrides out;
  auto r = EachRow(st, [&](const Statement& s) { (s.Text(1) == "pin" ? out.pins : out.excludes).push_back(s.Int(0)); });
  if (!r) return r.error();
  return out;
}

Result<std::unordered_map<ArticleId, related::Overrides>> RelatedStore::AllOverrides() const {
  auto st = db_.Prepare("SELECT article_id, other_id, kind FROM related_overrides ORDER BY created_at, rowid");
  std::unordered_map<ArticleId, related::Overrides> out;
  auto r = EachRow(st, [&](const Statement& s) {
    auto& o = out[s.Int(0)];
    (s.Text(2) == "pin" ? o.pins : o.excludes).push_back(s.Int(1));
  });
  if (!r) return r.error();
  return out;
}

Status RelatedStore::SetOverride(ArticleId article, ArticleId other, related::OverrideKind kind, UnixTime now) {
  if (kind == related::OverrideKind::kNone) {
    auto st = db_.Prepare("DELETE FROM related_overrides WHERE article_id = ?1 AND other_id = ?2");
    st.Bind(1, article).Bind(2, other);
    return st.Run();
  }
  auto st = db_.Prepare(
      "INSERT INTO related_overrides (article_id, other_id, kind, created_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, created_at = excluded.created_at");
  st.Bind(1, article).Bind(2, other);
  st.Bind(3, std::string_view(kind == related::OverrideKind::kPin ? "pin" : "exclude")).Bind(4, now);
  return st.Run();
}

Result<std::vector<content::ArticleSummary>> RelatedStore::For(ArticleId article, int limit) const {
  auto st = db_.Prepare(std::string("SELECT ") + kSummaryColumns +
                        " FROM related_articles r JOIN articles a ON a.id = r.related_id " + kPrimaryTagJoin +
                        " WHERE r.article_id = ?1 AND a.status = 'published' AND a.kind = 'article' ORDER BY r.rank LIMIT ?2");
  st.Bind(1, article).Bind(2, std::int64_t{limit});
  return st.Collect(ReadSummary);
}

}  // namespace gazette::storage::sqlite
