// MemoryImportLedger: content::ImportLedger in a map, with the meaning of
// storage/sqlite/import_ledger_store.cc.
#pragma once

#include <map>
#include <mutex>
#include <tuple>

#include "content/import_ledger.h"

namespace gazette::testing {

// Thread-safe.
class MemoryImportLedger final : public content::ImportLedger {
 public:
  Result<std::optional<std::int64_t>> Find(const content::LedgerKey& key) const override {
    std::lock_guard lock(mu_);
    auto it = entries_.find({key.source, key.kind, key.id});
    if (it == entries_.end()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(it->second);
  }
  Status Put(const content::LedgerKey& key, std::int64_t gazette_id) override {
    std::lock_guard lock(mu_);
    entries_[{key.source, key.kind, key.id}] = gazette_id;
    return Status::Ok();
  }

 private:
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, std::int64_t>, std::int64_t> entries_;
};

}  // namespace gazette::testing
