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
  ChangeFeedStore(const ChangeFeedStore&) = delete;
  ChangeFeedStore& operator=(const ChangeFeedStore&) = delete;
  Result<std::int64_t> Poll(const std::function<void(const content::Change&)>& apply) override;

 private:
  std::uint64_t WalIndexHash() const;

  Database& db_;
  const volatile unsigned char* wal_index_ = nullptr;  // the WAL-index header; null: query always
  std::atomic<std::uint64_t> seen_header_{0};
  std::mutex mutex_;
  std::atomic<std::int64_t> last_seq_{0};
  std::int64_t last_prune_ = 0;
};

}  // namespace gazette::storage::sqlite
