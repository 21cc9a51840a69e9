// ChangeFeedStore: content::ChangeFeed over the change_log table (filled by triggers).
#pragma once

#include <atomic>
#include <mutex>

#include "content/change_feed.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class ChangeFeedStore final : public content::ChangeFeed {
 public:
  // Starts from the newest row, so only changes after construction are reported.
  explicit ChangeFeedStore(Database& db);
  Result<std::vector<content::Change>> Poll(std::int64_t* seq) override;

 private:
  Database& db_;
  std::mutex mutex_;
  std::atomic<std::int64_t> last_seq_{0};
  std::int64_t last_prune_ = 0;
};

}  // namespace gazette::storage::sqlite
