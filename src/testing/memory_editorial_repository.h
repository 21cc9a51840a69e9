// MemoryEditorialRepository: content::EditorialRepository in memory, with the meaning of
// storage/sqlite/editorial_store.cc and the old-slug trigger of migration 10 (TRIGGERS.md).
#pragma once

#include "content/editorial_repository.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository. As in SQLite, rows that name an article
// or a user that does not exist are refused with kConflict (a foreign key), and setters of an
// article's own fields (slug, excerpt, html) do nothing for an unknown article.
class MemoryEditorialRepository final : public content::EditorialRepository {
 public:
  explicit MemoryEditorialRepository(MemoryDatabase& db) : db_(db) {}

  Status SetOwner(content::ArticleId id, std::int64_t user) override;
  Result<std::int64_t> Owner(content::ArticleId id) const override;
  Result<std::map<content::ArticleId, std::int64_t>> Owners() const override;
  Status Schedule(content::ArticleId id, UnixTime at) override;
  Status Unschedule(content::ArticleId id) override;
  Result<std::map<content::ArticleId, UnixTime>> Schedules() const override;
  Status Trash(content::ArticleId id, UnixTime now) override;
  Status Restore(content::ArticleId id) override;
  Result<std::set<content::ArticleId>> Trashed() const override;
  Result<content::Revision> AddRevision(const content::Revision& revision) override;
  Result<std::vector<content::Revision>> Revisions(content::ArticleId id) const override;
  Result<content::Revision> FindRevision(std::int64_t revision_id) const override;
  Status SetSlug(content::ArticleId id, std::string_view slug) override;
  Status SetExcerpt(content::ArticleId id, std::string_view excerpt) override;
  Status AddCorrection(content::ArticleId id, std::string_view note, UnixTime at) override;
  Status SetHtml(content::ArticleId id, std::string_view html) override;
  Status SetFeaturedImage(content::ArticleId id, const std::optional<content::FeaturedImage>& image) override;

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
