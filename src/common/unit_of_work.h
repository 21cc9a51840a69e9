// UnitOfWork: runs several repository calls as one, so that either all of them are kept or none.
// Implemented in storage/ (a database transaction); the domain only says where one begins.
#pragma once

#include <functional>

#include "common/result.h"

namespace gazette {

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  // Runs `work`. What it wrote is kept when it returns Ok, and undone when it returns an error or
  // throws (the exception goes on). kUnavailable when the unit could not begin (e.g. a busy
  // database). A unit run inside another is part of it: only the outermost one commits.
  virtual Status Run(const std::function<Status()>& work) = 0;
};

}  // namespace gazette
