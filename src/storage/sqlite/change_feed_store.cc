// ChangeFeedStore: a poll costs one indexed lookup (the newest change_log id) unless something
// changed. A cheaper signal such as SQLITE_FCNTL_DATA_VERSION is not enough: it only moves when
// the connection starts a read transaction, which a thread serving cached pages never does.
#include "storage/sqlite/change_feed_store.h"

#include <ctime>

namespace gazette::storage::sqlite {

ChangeFeedStore::ChangeFeedStore(Database& db) : db_(db) {
  auto st = db_.Prepare("SELECT COALESCE(MAX(id), 0) FROM change_log");
  auto row = st.Step();
  if (row && *row) last_seq_ = st.Int(0);
}

Result<std::vector<content::Change>> ChangeFeedStore::Poll(std::int64_t* seq) {
  std::vector<content::Change> changes;
  {
    auto newest = db_.Prepare("SELECT COALESCE(MAX(id), 0) FROM change_log");
    auto row = newest.Step();
    if (!row) return row.error();
    if (*row && newest.Int(0) <= last_seq_.load(std::memory_order_acquire)) {
      *seq = last_seq_.load(std::memory_order_acquire);
      return changes;
    }
  }
  std::lock_guard lock(mutex_);
  auto st = db_.Prepare("SELECT id, kind, article_id FROM change_log WHERE id > ?1 ORDER BY id");
  st.Bind(1, last_seq_.load());
  std::int64_t newest = last_seq_;
  for (;;) {
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) break;
    newest = st.Int(0);
    const std::string kind = st.Text(1);
    std::string tag = kind;
    if (kind == "article" || kind == "comments") tag += ":" + std::to_string(st.Int(2));
    changes.push_back({newest, std::move(tag)});
  }
  last_seq_.store(newest, std::memory_order_release);
  *seq = newest;
  // Rows older than an hour have been read by every server long ago.
  const std::int64_t now = std::time(nullptr);
  if (now - last_prune_ > 60) {
    last_prune_ = now;
    auto prune = db_.Prepare("DELETE FROM change_log WHERE created_at < ?1");
    prune.Bind(1, now - 3600);
    (void)prune.Run();
  }
  return changes;
}

}  // namespace gazette::storage::sqlite
