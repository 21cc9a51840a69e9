// MemoryUnitOfWork: a UnitOfWork over a MemoryDatabase, as SqliteUnitOfWork is one over an
// SQLite Database: every twin over the same MemoryDatabase takes part.
#pragma once

#include "common/unit_of_work.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the unit.
class MemoryUnitOfWork final : public UnitOfWork {
 public:
  explicit MemoryUnitOfWork(MemoryDatabase& db) : db_(db) {}
  Status Run(const std::function<Status()>& work) override { return db_.InTransaction(work); }

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
