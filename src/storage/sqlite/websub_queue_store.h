// WebSubQueueStore: feeds::PingQueue over the websub_pings table, which triggers fill whenever a
// published article changes (or stops being published) while a hub is set (migration 15).
#pragma once

#include "feeds/websub.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class WebSubQueueStore final : public feeds::PingQueue {
 public:
  explicit WebSubQueueStore(Database& db) : db_(db) {}
  Result<std::vector<feeds::Ping>> Due(std::int64_t now_ms, int limit) override;
  Status Finish(const std::vector<std::int64_t>& ids) override;
  Status Retry(const std::vector<std::int64_t>& ids, int attempts, std::int64_t next_ms) override;
  Status PruneFinished(UnixTime before) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
