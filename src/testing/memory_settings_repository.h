// MemorySettingsRepository: content::SettingsRepository in memory (storage/sqlite/settings_store.cc).
#pragma once

#include "content/site_settings.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository.
class MemorySettingsRepository final : public content::SettingsRepository {
 public:
  explicit MemorySettingsRepository(MemoryDatabase& db) : db_(db) {}

  Result<std::optional<std::string>> Get(std::string_view key) const override {
    return db_.With([&](const Tables& t) -> Result<std::optional<std::string>> {
      auto it = t.settings.find(std::string(key));
      if (it == t.settings.end()) return std::optional<std::string>();
      return std::optional<std::string>(it->second);
    });
  }
  Status Set(std::string_view key, std::string_view value) override {
    return db_.With([&](Tables& t) -> Status {
      t.settings[std::string(key)] = std::string(value);
      return Status::Ok();
    });
  }

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
