// EditorialStore: content::EditorialRepository on SQLite (owners, schedule, trash, revisions).
#pragma once

#include "content/editorial_repository.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class EditorialStore final : public content::EditorialRepository {
 public:
  explicit EditorialStore(Database& db) : db_(db) {}

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
  Database& db_;
};

}  // namespace gazette::storage::sqlite
