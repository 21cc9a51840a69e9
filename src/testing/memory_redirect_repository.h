// MemoryRedirectRepository: content::RedirectRepository in memory, with the meaning of
// storage/sqlite/redirect_store.cc (checks, ordering by source, an article that must exist).
#pragma once

#include "content/redirects.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository.
class MemoryRedirectRepository final : public content::RedirectRepository {
 public:
  explicit MemoryRedirectRepository(MemoryDatabase& db) : db_(db) {}

  Status Put(const content::Redirect& redirect) override;
  Result<std::optional<content::Redirect>> Find(std::string_view from) const override;
  Result<std::vector<content::Redirect>> List() const override;
  Status Remove(std::string_view from) override;

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
