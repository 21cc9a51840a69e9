// MemoryRelatedRepository: related::RelatedRepository in memory, with the meaning of
// storage/sqlite/related_store.cc: lists by rank, overrides oldest first, For() reading the
// live articles so that an unpublished article drops out of every list at once.
#pragma once

#include "related/related_repository.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe; InTransaction is MemoryDatabase::InTransaction. REQUIRES: `db` outlives the
// repository. As in SQLite, lists and overrides may name only existing articles (kConflict).
class MemoryRelatedRepository final : public related::RelatedRepository {
 public:
  explicit MemoryRelatedRepository(MemoryDatabase& db) : db_(db) {}

  Status InTransaction(const std::function<Status()>& work) override { return db_.InTransaction(work); }

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
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
