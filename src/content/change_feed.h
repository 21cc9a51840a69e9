// ChangeFeed: what changed in the published site since the last poll, whichever process changed it.
// The page cache reads it to invalidate exactly the pages that show changed content.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace gazette::content {

struct Change {
  std::int64_t seq = 0;  // increasing; the cache's epoch
  std::string tag;       // "article:ID", "comments:ID", "lists" or "all"
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // Changes committed since the previous call (from any thread), oldest first. Cheap when
  // nothing changed. Thread-safe. `*seq` is set to the newest sequence number seen.
  virtual Result<std::vector<Change>> Poll(std::int64_t* seq) = 0;
};

}  // namespace gazette::content
