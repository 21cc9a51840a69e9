// MemoryRedirectRepository: a map by source, which is also the store's ORDER BY source (both
// compare bytes).
#include "testing/memory_redirect_repository.h"

namespace gazette::testing {

Status MemoryRedirectRepository::Put(const content::Redirect& r) {
  if (auto st = content::CheckRedirect(r); !st) return st;
  return db_.With([&](Tables& t) -> Status {
    if (r.article && !t.HasArticle(*r.article)) return ForeignKeyFailed();
    content::Redirect stored = r;
    if (stored.article) stored.to.clear();
    t.redirects[r.from] = std::move(stored);
    return Status::Ok();
  });
}

Result<std::optional<content::Redirect>> MemoryRedirectRepository::Find(std::string_view from) const {
  return db_.With([&](const Tables& t) -> Result<std::optional<content::Redirect>> {
    auto it = t.redirects.find(std::string(from));
    if (it == t.redirects.end()) return std::optional<content::Redirect>();
    return std::optional<content::Redirect>(it->second);
  });
}

Result<std::vector<content::Redirect>> MemoryRedirectRepository::List() const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::Redirect>> {
    std::vector<content::Redirect> out;
    for (const auto& [from, r] : t.redirects) out.push_back(r);
    return out;
  });
}

Status MemoryRedirectRepository::Remove(std::string_view from) {
  return db_.With([&](Tables& t) -> Status {
    t.redirects.erase(std::string(from));
    return Status::Ok();
  });
}

}  // namespace gazette::testing
