// SettingsStore: content::SettingsRepository on SQLite's settings table.
#pragma once

#include "content/site_settings.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class SettingsStore final : public content::SettingsRepository {
 public:
  explicit SettingsStore(Database& db) : db_(db) {}
  Result<std::optional<std::string>> Get(std::string_view key) const override;
  Status Set(std::string_view key, std::string_view value) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
