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
  if (auto done = st.Run(); !done || !key.starts_with("comments.")) return done;
  // Comment rules show on every article page (closed or not): drop every cached page.
  auto log = db_.Prepare("INSERT INTO change_log (kind, article_id) VALUES ('all', NULL)");
  return log.Run();
}

}  // namespace gazette::storage::sqlite
