// The one place where an ErrorCode becomes an HTTP status.
#pragma once

#include "common/error.h"

namespace gazette::http {

int StatusFor(ErrorCode code);

}  // namespace gazette::http
