// SqliteUnitOfWork: a UnitOfWork is one SQLite transaction on the calling thread's connection
// (a savepoint when one is already open), so every store over the same Database takes part.
#pragma once

#include "common/unit_of_work.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class SqliteUnitOfWork final : public UnitOfWork {
 public:
  explicit SqliteUnitOfWork(Database& db) : db_(db) {}
  Status Run(const std::function<Status()>& work) override { return db_.InTransaction(work); }

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
