// SettingsStore: one row per key.
#include "storage/sqlite/settings_store.h"

namespace gazette::storage::sqlite {

Result<std::optional<std::string>> SettingsStore::Get(std::string_view key) const {
  auto st = db_.Prepare("SELECT value FROM settings WHERE key = ?1");
  st.Bind(1, key);
  auto row = st.Step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(st.Text(0));
}

Status SettingsStore::Set(std::string_view key, std::string_view value) {
  auto st = db_.Prepare(
      "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  st.Bind(1, key).Bind(2, value);
  // A changed value logs 'all' (a trigger, migration 9): every page shows some setting.
  return st.Run();
}

}  // namespace gazette::storage::sqlite
