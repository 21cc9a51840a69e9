// ChangeFeed: what changed in the published site since the last poll, whichever process changed it.
// The page cache reads it to invalidate exactly the pages that show changed content.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace gazette::content {

struct Change {
  std::int64_t seq = 0;  // increasing; the cache's epoch
  std::string tag;       // "article:ID", "comments:ID", "lists" or "all"
  // An "all" that stands for changes the feed could not read one by one: the log was pruned past
  // the reader's cursor, or the database was replaced or restored under it.
  bool resync = false;
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // Calls `apply` for each change committed since the previous call (from any thread), oldest
  // first, and returns the newest sequence number seen. Every change is applied before any later
  // Poll returns, so a caller that polls after a commit never acts on a state from before it.
  // Sequence numbers only grow, even when the log under them is pruned or restored. Cheap when
  // nothing changed. Thread-safe.
  virtual Result<std::int64_t> Poll(const std::function<void(const Change&)>& apply) = 0;
};

}  // namespace gazette::content
