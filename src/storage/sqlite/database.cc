// Database: connection-per-thread so that readers run in parallel under WAL, and statement
// caching so that a page view does not re-parse SQL.
#include "storage/sqlite/database.h"

#include <atomic>
#include <stdexcept>

#include "common/text.h"
#include "storage/sqlite/migrations.h"

namespace gazette::storage::sqlite {
namespace {

// gazette_slug(text): text::Slugify, for migrations that derive slugs from stored names.
void SlugFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const std::string slug = text::Slugify(p ? std::string_view(p, sqlite3_value_bytes(argv[0])) : std::string_view());
  sqlite3_result_text(ctx, slug.data(), static_cast<int>(slug.size()), SQLITE_TRANSIENT);
}

}  // namespace

class Connection {
 public:
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  sqlite3* db() { return db_; }
  sqlite3_stmt* Prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error(std::string("SQL does not compile: ") + sqlite3_errmsg(db_) +
                               " in: " + std::string(sql));
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

namespace {

Error SqliteError(sqlite3* db, int rc) {
  const int primary = rc & 0xFF;
  std::string message = std::string("database: ") + sqlite3_errmsg(db);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Error::Unavailable("The database is busy; try again.");
  if (primary == SQLITE_CONSTRAINT) return Error::Conflict(message);
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_READONLY)
    return Error::Unavailable(message);
  return Error::Internal(message);
}

}  // namespace

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc);
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) return Status::Ok();
  }
}

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, sqlite3_column_bytes(stmt_, col)) : std::string();
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool create) {
  std::unique_ptr<Database> db(new Database(path));
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close_v2(raw);
    return Error::Unavailable("Cannot open database " + path + ": " + msg);
  }
  sqlite3_close_v2(raw);
  if (auto st = db->Migrate(); !st) return st.error();
  return db;
}

namespace {
std::atomic<std::uint64_t> next_instance{1};
}  // namespace

Database::Database(std::string path) : path_(std::move(path)), instance_(next_instance++) {}
Database::~Database() = default;

Connection& Database::ThisThread() {
  // The common case, on every query: this thread already has its connection.
  thread_local std::uint64_t cached_instance = 0;
  thread_local Connection* cached = nullptr;
  if (cached_instance == instance_) return *cached;
  std::lock_guard lock(mutex_);
  auto& slot = connections_[std::this_thread::get_id()];
  if (!slot) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(raw);
      throw std::runtime_error("cannot open database " + path_);
    }
    slot = std::make_unique<Connection>(raw);
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_create_function_v2(raw, "gazette_slug", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, SlugFunction,
                               nullptr, nullptr, nullptr);
    // FULL: an acknowledged comment survives a crash or power cut, not only a process kill.
    // cache_size 1 MiB (default 2): one connection per thread, each with its own page cache, and
    // the OS caches the file anyway; a page view reads only a few pages.
    sqlite3_exec(raw,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                 "PRAGMA cache_size=-1024;",
                 nullptr, nullptr, nullptr);
  }
  cached_instance = instance_;
  cached = slot.get();
  return *slot;
}

Statement Database::Prepare(std::string_view sql) {
  Connection& c = ThisThread();
  return Statement(c.db(), c.Prepare(sql));
}

Status Database::Exec(std::string_view sql) {
  Connection& c = ThisThread();
  char* err = nullptr;
  const int rc = sqlite3_exec(c.db(), std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(c.db(), rc);
    if (err) e.message = std::string("database: ") + err;
    sqlite3_free(err);
    return e;
  }
  return Status::Ok();
}

std::int64_t Database::LastInsertId() { return sqlite3_last_insert_rowid(ThisThread().db()); }

const volatile unsigned char* Database::WalIndex() {
  sqlite3* raw = ThisThread().db();
  // A read makes the connection attach to the shared memory.
  if (sqlite3_exec(raw, "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(raw, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods ||
      file->pMethods->iVersion < 2 || !file->pMethods->xShmMap)
    return nullptr;
  constexpr int kWalIndexPageBytes = 32768;  // the region size SQLite maps the WAL-index in
  void volatile* region = nullptr;
  if (file->pMethods->xShmMap(file, 0, kWalIndexPageBytes, 0, &region) != SQLITE_OK || !region) return nullptr;
  return static_cast<const volatile unsigned char*>(region);
}

int Database::SchemaVersion() {
  auto st = Prepare("PRAGMA user_version");
  auto row = st.Step();
  return row && *row ? static_cast<int>(st.Int(0)) : 0;
}

Status Database::Migrate() {
  const auto& migrations = Migrations();
  for (int version = SchemaVersion(); version < static_cast<int>(migrations.size()); ++version) {
    Transaction tx(*this);
    if (auto st = Exec(migrations[version]); !st)
      return Error::Internal("Migration " + std::to_string(version + 1) + " failed: " + st.error().message);
    if (auto st = Exec("PRAGMA user_version = " + std::to_string(version + 1)); !st) return st;
    if (auto st = tx.Commit(); !st) return st;
  }
  return Status::Ok();
}

// Savepoints share one name: SQLite releases or rolls back the innermost one of that name.
Database::Transaction::Transaction(Database& db) : db_(db) {
  nested_ = sqlite3_get_autocommit(db_.ThisThread().db()) == 0;
  if (!db_.Exec(nested_ ? "SAVEPOINT gazette_nested" : "BEGIN IMMEDIATE")) done_ = true;
}
Database::Transaction::~Transaction() {
  if (done_) return;
  if (nested_)
    (void)db_.Exec("ROLLBACK TO gazette_nested; RELEASE gazette_nested");
  else
    (void)db_.Exec("ROLLBACK");
}
Status Database::Transaction::Commit() {
  if (done_) return Error::Unavailable("The database is busy; try again.");
  done_ = true;
  return db_.Exec(nested_ ? "RELEASE gazette_nested" : "COMMIT");
}

Status Database::InTransaction(const std::function<Status()>& work) {
  Transaction tx(*this);
  if (!tx.Started()) return Error::Unavailable("The database is busy; try again.");
  Status result = work();
  if (!result) return result;
  return tx.Commit();
}

}  // namespace gazette::storage::sqlite
