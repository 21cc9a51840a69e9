// ChangeFeedStore. A poll runs before every cached response, so its common case must cost
// almost nothing: it reads the WAL-index header in the database's shared-memory file (documented
// in SQLite's "WAL-mode File Format": the header changes with every committed transaction, by any
// process) and only queries change_log when the header moved. SQLITE_FCNTL_DATA_VERSION is not
// enough: it only moves when the connection starts a read transaction, which a thread serving
// cached pages never does; a query per request costs file-lock system calls.
//
// The cursor is trusted only while the log proves it: ids are AUTOINCREMENT (never reused, and
// contiguous, because SQLite has one writer at a time and a rollback restores sqlite_sequence),
// so the rows after the cursor must be exactly cursor+1 .. the high-water mark. Anything else (a
// server that did not poll while another pruned the rows it had not read, a database restored
// from a backup under a running server) is a resync: one "all" change, and the cursor moves to
// the high-water mark.
#include "storage/sqlite/change_feed_store.h"

#include <limits>
#include <string>
#include <vector>

#include "common/fnv1a.h"

namespace gazette::storage::sqlite {
namespace {

constexpr std::size_t kWalIndexHeaderBytes = 48;  // the first copy of the header

// One statement, so one snapshot: the high-water mark (as id 0, which sorts first) and then the
// rows after the cursor. A fresh database has no sqlite_sequence row until its first change.
constexpr const char* kReadSql =
    "SELECT 0, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'),"
    " (SELECT MAX(id) FROM change_log), 0), NULL "
    "UNION ALL SELECT id, kind, article_id FROM change_log WHERE id > ?1 ORDER BY 1";

}  // namespace

ChangeFeedStore::ChangeFeedStore(Database& db, const Clock& clock) : db_(db), clock_(clock) {
  auto st = db_.Prepare(kReadSql);
  st.Bind(1, std::numeric_limits<std::int64_t>::max());
  auto row = st.Step();
  if (row && *row) cursor_ = st.Int(1);
  last_seq_ = cursor_;
  // SQLite's own mapping, which lives as long as the Database's connections.
  wal_index_ = db_.WalIndex();
}

std::uint64_t ChangeFeedStore::WalIndexHash() const {
  if (!wal_index_) return 0;
  Fnv1a hash;
  for (std::size_t i = 0; i < kWalIndexHeaderBytes; ++i) hash.Add(wal_index_[i]);
  return hash.Value();
}

Result<std::int64_t> ChangeFeedStore::Poll(const std::function<void(const content::Change&)>& apply) {
  // Read before querying: a commit after this read moves the header again and is caught next time.
  const std::uint64_t header = WalIndexHash();
  if (wal_index_ && header == seen_header_.load(std::memory_order_acquire))
    return last_seq_.load(std::memory_order_acquire);
  // Changes are applied under the lock and published (last_seq_, seen_header_) after, so no
  // thread takes the fast path while another still holds unapplied changes.
  std::lock_guard lock(mutex_);
  auto st = db_.Prepare(kReadSql);
  st.Bind(1, cursor_);
  auto first = st.Step();
  if (!first) return first.error();
  const std::int64_t high = *first ? st.Int(1) : 0;
  struct Row {
    std::int64_t id;
    std::string tag;
  };
  std::vector<Row> rows;
  bool contiguous = high >= cursor_;
  for (std::int64_t expected = cursor_ + 1;; ++expected) {
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) break;
    const std::int64_t id = st.Int(0);
    if (id != expected) contiguous = false;
    std::string tag = st.Text(1);
    if (tag == "article" || tag == "comments") tag += ":" + std::to_string(st.Int(2));
    rows.push_back(Row{id, std::move(tag)});
  }
  if (contiguous && (rows.empty() ? high != cursor_ : rows.back().id != high)) contiguous = false;

  std::int64_t newest = last_seq_.load();
  if (contiguous) {
    for (auto& r : rows) apply(content::Change{newest = r.id + offset_, std::move(r.tag)});
  } else {
    newest += 1;
    offset_ = newest - high;
    apply(content::Change{newest, "all", true});
  }
  cursor_ = high;
  last_seq_.store(newest, std::memory_order_release);
  seen_header_.store(header, std::memory_order_release);
  PruneOldRows();
  return newest;
}

void ChangeFeedStore::PruneOldRows() {
  const UnixTime now = clock_.Now();
  if (now - last_prune_ <= 60 && now >= last_prune_) return;
  last_prune_ = now;
  auto prune = db_.Prepare("DELETE FROM change_log WHERE created_at < ?1");
  prune.Bind(1, now - kKeepSeconds);
  (void)prune.Run();
}

}  // namespace gazette::storage::sqlite
