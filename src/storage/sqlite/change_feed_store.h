// ChangeFeedStore: content::ChangeFeed over the change_log table (filled by triggers).
#pragma once

#include <atomic>
#include <mutex>

#include "common/time.h"
#include "content/change_feed.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class ChangeFeedStore final : public content::ChangeFeed {
 public:
  // Rows older than this have been read by every server that is polling; they are pruned.
  static constexpr UnixTime kKeepSeconds = 3600;

  // Starts from the newest row, so only changes after construction are reported. `clock` decides
  // which rows are old enough to prune.
  ChangeFeedStore(Database& db, const Clock& clock);
  ChangeFeedStore(const ChangeFeedStore&) = delete;
  ChangeFeedStore& operator=(const ChangeFeedStore&) = delete;
  Result<std::int64_t> Poll(const std::function<void(const content::Change&)>& apply) override;

 private:
  std::uint64_t WalIndexHash() const;
  void PruneOldRows();

  Database& db_;
  const Clock& clock_;
  const volatile unsigned char* wal_index_ = nullptr;  // the WAL-index header; null: query always
  std::atomic<std::uint64_t> seen_header_{0};
  std::mutex mutex_;
  std::int64_t cursor_ = 0;  // the newest change_log id read (under mutex_)
  std::int64_t offset_ = 0;  // reported seq = id + offset_; grows at each resync (under mutex_)
  std::atomic<std::int64_t> last_seq_{0};
  UnixTime last_prune_ = 0;
};

}  // namespace gazette::storage::sqlite
