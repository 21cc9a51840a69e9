// The one place where an error becomes an HTTP status: its code, whether the client should retry
// (and when), and that an error response is never cached.
#pragma once

#include "common/error.h"
#include "http/message.h"

namespace gazette::http {

int StatusFor(ErrorCode code);

// Seconds after which a retry may succeed (kUnavailable: the database is busy, a disk is full);
// 0 when retrying the same request cannot help.
int RetryAfterSeconds(ErrorCode code);

// Makes `r` the answer to `code`: its status, Retry-After when a retry can help, and never
// cached (no-store, no cache tags), whatever the handler had set.
void MarkAsError(Response& r, ErrorCode code);

}  // namespace gazette::http
