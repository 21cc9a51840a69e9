// ImportLedger: what an import brought in, so that importing the same export again changes
// nothing. Each entry maps a thing of the source site (a WordPress post, comment, attachment,
// by its kind and id there) to what Gazette made of it. Implemented in storage/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gazette::content {

struct LedgerKey {
  std::string source;  // the site the export came from: its base URL ("https://old.example")
  std::string kind;    // "post" (posts and pages), "comment", "attachment"
  std::int64_t id = 0;  // its id on that site
};

// Implementations are thread-safe.
class ImportLedger {
 public:
  virtual ~ImportLedger() = default;
  // What Gazette made of `key` (an article, comment or media id), or nullopt if it was never
  // imported.
  virtual Result<std::optional<std::int64_t>> Find(const LedgerKey& key) const = 0;
  // Records (or replaces) what `key` became.
  virtual Status Put(const LedgerKey& key, std::int64_t gazette_id) = 0;
};

}  // namespace gazette::content
