// RelatedStore: related::RelatedRepository on SQLite.
#pragma once

#include "related/related_repository.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class RelatedStore final : public related::RelatedRepository {
 public:
  explicit RelatedStore(Database& db) : db_(db) {}
  Status ReplaceAll(const related::RelatedLists& lists) override;
  Result<std::vector<content::ArticleSummary>> For(content::ArticleId article, int limit) const override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
