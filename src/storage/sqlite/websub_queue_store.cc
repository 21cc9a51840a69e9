// WebSubQueueStore: each batch is marked in one transaction.
#include "storage/sqlite/websub_queue_store.h"

namespace gazette::storage::sqlite {

Result<std::vector<feeds::Ping>> WebSubQueueStore::Due(std::int64_t now_ms, int limit) {
  auto st = db_.Prepare(
      "SELECT id, article_id, attempts FROM websub_pings WHERE done = 0 AND next_attempt_at <= ?1 ORDER BY id LIMIT "
      "?2");
  st.Bind(1, now_ms).Bind(2, static_cast<std::int64_t>(limit));
  return st.Collect([](const Statement& s) { return feeds::Ping{s.Int(0), s.Int(1), static_cast<int>(s.Int(2))}; });
}

Status WebSubQueueStore::Finish(const std::vector<std::int64_t>& ids) {
  return db_.InTransaction([&]() -> Status {
    for (std::int64_t id : ids) {
      auto st = db_.Prepare("UPDATE websub_pings SET done = 1 WHERE id = ?1");
      st.Bind(1, id);
      if (auto r = st.Run(); !r) return r;
    }
    return Status::Ok();
  });
}

Status WebSubQueueStore::Retry(const std::vector<std::int64_t>& ids, int attempts, std::int64_t next_ms) {
  return db_.InTransaction([&]() -> Status {
    for (std::int64_t id : ids) {
      auto st = db_.Prepare("UPDATE websub_pings SET attempts = ?2, next_attempt_at = ?3 WHERE id = ?1");
      st.Bind(1, id).Bind(2, static_cast<std::int64_t>(attempts)).Bind(3, next_ms);
      if (auto r = st.Run(); !r) return r;
    }
    return Status::Ok();
  });
}

Status WebSubQueueStore::PruneFinished(UnixTime before) {
  auto st = db_.Prepare("DELETE FROM websub_pings WHERE done != 0 AND created_at < ?1");
  st.Bind(1, before);
  return st.Run();
}

}  // namespace gazette::storage::sqlite
