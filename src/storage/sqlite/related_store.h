// RelatedStore: related::RelatedRepository on SQLite (tables related_articles, related_terms,
// related_vectors, related_stats and related_overrides; see migrations 1 and 3).
#pragma once

#include "related/related_repository.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class RelatedStore final : public related::RelatedRepository {
 public:
  explicit RelatedStore(Database& db) : db_(db) {}

  Status InTransaction(const std::function<Status()>& work) override;

  Result<related::IndexStats> Stats() const override;
  Status SetStats(const related::IndexStats& stats) override;
  Result<std::vector<related::TermStats>> Terms(const std::vector<std::string>& terms) override;
  Status AddToDocumentFrequencies(const std::vector<related::TermId>& terms, int delta) override;
  Result<std::optional<related::IndexedArticle>> Indexed(content::ArticleId id) const override;
  Status PutIndexed(const related::IndexedArticle& article) override;
  Status RemoveIndexed(content::ArticleId id) override;
  Status VisitPosted(const std::function<void(content::ArticleId, UnixTime, related::TermVector&&,
                                              related::TermVector&&)>& visit) const override;
  Status ReplaceIndex(const std::vector<std::pair<std::string, int>>& vocabulary,
                      const std::vector<related::IndexedArticle>& articles, const related::IndexStats& stats) override;

  Result<std::vector<related::RelatedLink>> StoredList(content::ArticleId id) const override;
  Result<related::RelatedLists> AllStoredLists() const override;
  Result<std::vector<content::ArticleId>> ListsMentioning(content::ArticleId id) const override;
  Result<bool> WriteList(content::ArticleId id, const std::vector<related::RelatedLink>& list) override;

  Result<related::Overrides> OverridesOf(content::ArticleId id) const override;
  Result<std::unordered_map<content::ArticleId, related::Overrides>> AllOverrides() const override;
  Status SetOverride(content::ArticleId article, content::ArticleId other, related::OverrideKind kind,
                     UnixTime now) override;

  Result<std::vector<content::ArticleSummary>> For(content::ArticleId article, int limit) const override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
