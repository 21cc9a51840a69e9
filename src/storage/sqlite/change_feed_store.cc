// ChangeFeedStore. A poll runs before every cached response, so its common case must cost
// almost nothing: it reads the WAL-index header in the database's shared-memory file (documented
// in SQLite's "WAL-mode File Format": the header changes with every committed transaction, by any
// process) and only queries change_log when the header moved. SQLITE_FCNTL_DATA_VERSION is not
// enough: it only moves when the connection starts a read transaction, which a thread serving
// cached pages never does; a query per request costs file-lock system calls.
#include "storage/sqlite/change_feed_store.h"

#include <ctime>

namespace gazette::storage::sqlite {
namespace {

constexpr std::size_t kWalIndexHeaderBytes = 48;  // the first copy of the header

}  // namespace

ChangeFeedStore::ChangeFeedStore(Database& db) : db_(db) {
  auto st = db_.Prepare("SELECT COALESCE(MAX(id), 0) FROM change_log");
  auto row = st.Step();
  if (row && *row) last_seq_ = st.Int(0);
  // SQLite's own mapping, which lives as long as the Database's connections.
  wal_index_ = db_.WalIndex();
}

std::uint64_t ChangeFeedStore::WalIndexHash() const {
  if (!wal_index_) return 0;
  std::uint64_t hash = 1469598103934665603ull;
  for (std::size_t i = 0; i < kWalIndexHeaderBytes; ++i) hash = (hash ^ wal_index_[i]) * 1099511628211ull;
  return hash;
}

Result<std::int64_t> ChangeFeedStore::Poll(const std::function<void(const content::Change&)>& apply) {
  // Read before querying: a commit after this read moves the header again and is caught next time.
  const std::uint64_t header = WalIndexHash();
  if (wal_index_ && header == seen_header_.load(std::memory_order_acquire))
    return last_seq_.load(std::memory_order_acquire);
  // Changes are applied under the lock and published (last_seq_, seen_header_) after, so no
  // thread takes the fast path while another still holds unapplied changes.
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
    apply(content::Change{newest, std::move(tag)});
  }
  last_seq_.store(newest, std::memory_order_release);
  seen_header_.store(header, std::memory_order_release);
  // Rows older than an hour have been read by every server long ago.
  const std::int64_t now = std::time(nullptr);
  if (now - last_prune_ > 60) {
    last_prune_ = now;
    auto prune = db_.Prepare("DELETE FROM change_log WHERE created_at < ?1");
    prune.Bind(1, now - 3600);
    (void)prune.Run();
  }
  return newest;
}

}  // namespace gazette::storage::sqlite
