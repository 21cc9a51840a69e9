// RedirectStore: content::RedirectRepository on SQLite's redirects table (migration 18).
#pragma once

#include "content/redirects.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class RedirectStore final : public content::RedirectRepository {
 public:
  explicit RedirectStore(Database& db) : db_(db) {}

  // kInvalidArgument (content::CheckRedirect); kConflict when the article does not exist.
  Status Put(const content::Redirect& redirect) override;
  Result<std::optional<content::Redirect>> Find(std::string_view from) const override;
  Result<std::vector<content::Redirect>> List() const override;
  Status Remove(std::string_view from) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
