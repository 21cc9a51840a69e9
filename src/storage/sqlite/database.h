// Database: an SQLite file in WAL mode, with one connection per thread and cached statements.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"

namespace gazette::storage::sqlite {

class Connection;

// A prepared statement borrowed from a connection's cache; reset when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  Statement& Bind(int index, const std::optional<std::int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Advances to the next row. Returns true for a row, false when done; kUnavailable on a busy
  // database, kConflict on a constraint violation, kInternal otherwise.
  Result<bool> Step();
  // Runs to completion (for statements without rows).
  Status Run();

  // The row loops every store would otherwise write out by hand. `read` is called as
  // read(statement) on the current row and returns one value.
  //
  // Every remaining row, read in the order SQLite returns them; or the first Step() error.
  template <class Read>
  auto Collect(Read read) -> Result<std::vector<decltype(read(*this))>> {
    std::vector<decltype(read(*this))> out;
    for (;;) {
      auto row = Step();
      if (!row) return row.error();
      if (!*row) return out;
      out.push_back(read(*this));
    }
  }
  // The first row read, or nullopt when there is none; or the Step() error. Stops after one
  // row, so it is for lookups that yield at most one.
  template <class Read>
  auto First(Read read) -> Result<std::optional<decltype(read(*this))>> {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) return std::optional<decltype(read(*this))>();
    return std::optional<decltype(read(*this))>(read(*this));
  }
  // Like First, but no row is kNotFound with `missing` as its message.
  template <class Read>
  auto One(Read read, std::string_view missing) -> Result<decltype(read(*this))> {
    auto row = First(read);
    if (!row) return row.error();
    if (!*row) return Error::NotFound(std::string(missing));
    return std::move(**row);
  }
  // Whether there is a row (for "SELECT 1 ... LIMIT 1"); or the Step() error.
  Result<bool> Exists() { return Step(); }

  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  // Opens (creating if asked) the database file and applies pending migrations.
  // kUnavailable if the file cannot be opened; kInternal if a migration fails.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool create);
  ~Database();

  // A statement prepared on the calling thread's connection. Throws std::runtime_error for SQL
  // that does not compile (a bug, not a runtime condition).
  Statement Prepare(std::string_view sql);
  // Runs `sql` (one or more statements, no parameters) on this thread's connection.
  Status Exec(std::string_view sql);
  std::int64_t LastInsertId();

  // A transaction on this thread's connection: rolled back unless Commit() is called. Inside
  // another transaction on the same connection it is a savepoint: its Commit keeps its changes
  // for the outer transaction to commit, and a rollback undoes only its own.
  class Transaction {
   public:
    explicit Transaction(Database& db);
    ~Transaction();
    // False when the transaction could not begin (the database is busy): do not write.
    bool Started() const { return !done_; }
    Status Commit();

   private:
    Database& db_;
    bool done_ = false;
    bool nested_ = false;
  };
  // Runs `work` in a Transaction, committed when it returns Ok; rolled back when it fails or
  // throws (the exception goes on).
  Status InTransaction(const std::function<Status()>& work);

  int SchemaVersion();
  const std::string& path() const { return path_; }
  // The start of the WAL-index (the -shm file) as SQLite itself maps it for this thread's
  // connection, or null (not in WAL mode, or a VFS without shared memory). Valid while the
  // Database is open. The file must not be opened by hand: closing any descriptor of it would
  // drop the process's POSIX locks on it, SQLite's included, and another process could then
  // reset the file under the mapping (SIGBUS).
  const volatile unsigned char* WalIndex();

 private:
  explicit Database(std::string path);
  Connection& ThisThread();
  Status Migrate();

  std::string path_;
  const std::uint64_t instance_;  // tells apart Databases that reuse an address, for thread caches
  std::mutex mutex_;
  std::unordered_map<std::thread::id, std::unique_ptr<Connection>> connections_;
};

}  // namespace gazette::storage::sqlite
