// ImportLedgerStore: one row per (source, kind, id).
#include "storage/sqlite/import_ledger_store.h"

namespace gazette::storage::sqlite {

Result<std::optional<std::int64_t>> ImportLedgerStore::Find(const content::LedgerKey& key) const {
  auto st = db_.Prepare("SELECT gazette_id FROM import_ledger WHERE source = ?1 AND kind = ?2 AND source_id = ?3");
  st.Bind(1, key.source).Bind(2, key.kind).Bind(3, key.id);
  return st.First([](const Statement& row) { return row.Int(0); });
}

Status ImportLedgerStore::Put(const content::LedgerKey& key, std::int64_t gazette_id) {
  auto st = db_.Prepare(
      "INSERT INTO import_ledger (source, kind, source_id, gazette_id) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (source, kind, source_id) DO UPDATE SET gazette_id = excluded.gazette_id");
  st.Bind(1, key.source).Bind(2, key.kind).Bind(3, key.id).Bind(4, gazette_id);
  return st.Run();
}

}  // namespace gazette::storage::sqlite
