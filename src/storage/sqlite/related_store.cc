// RelatedStore: lists are stored by rank; reading joins the live articles table so an
// unpublished article drops out of every list at once.
#include "storage/sqlite/related_store.h"

#include "storage/sqlite/article_store.h"

namespace gazette::storage::sqlite {

Status RelatedStore::ReplaceAll(const related::RelatedLists& lists) {
  Database::Transaction tx(db_);
  if (auto st = db_.Exec("DELETE FROM related_articles"); !st) return st;
  for (const auto& [article, links] : lists) {
    for (std::size_t rank = 0; rank < links.size(); ++rank) {
      auto st = db_.Prepare("INSERT INTO related_articles (article_id, rank, related_id, score) VALUES (?1, ?2, ?3, ?4)");
      st.Bind(1, article).Bind(2, static_cast<std::int64_t>(rank)).Bind(3, links[rank].id).Bind(4, links[rank].score);
      if (auto r = st.Run(); !r) return r;
    }
  }
  return tx.Commit();
}

Result<std::vector<content::ArticleSummary>> RelatedStore::For(content::ArticleId article, int limit) const {
  auto st = db_.Prepare(std::string("SELECT ") + kSummaryColumns +
                        " FROM related_articles r JOIN articles a ON a.id = r.related_id " + kPrimaryTagJoin +
                        " WHERE r.article_id = ?1 AND a.status = 'published' ORDER BY r.rank LIMIT ?2");
  st.Bind(1, article).Bind(2, std::int64_t{limit});
  std::vector<content::ArticleSummary> out;
  for (;;) {
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(ReadSummary(st));
  }
}

}  // namespace gazette::storage::sqlite
