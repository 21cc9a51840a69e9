// ImportLedgerStore: content::ImportLedger on SQLite's import_ledger table (migration 20).
#pragma once

#include "content/import_ledger.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class ImportLedgerStore final : public content::ImportLedger {
 public:
  explicit ImportLedgerStore(Database& db) : db_(db) {}

  Result<std::optional<std::int64_t>> Find(const content::LedgerKey& key) const override;
  Status Put(const content::LedgerKey& key, std::int64_t gazette_id) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
