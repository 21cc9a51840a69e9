// ErrorCode -> HTTP status.
#include "http/errors.h"

#include <algorithm>

namespace gazette::http {

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

int RetryAfterSeconds(ErrorCode code) { return code == ErrorCode::kUnavailable ? 5 : 0; }

void MarkAsError(Response& r, ErrorCode code) {
  r.status = StatusFor(code);
  std::erase_if(r.headers, [](const auto& h) { return h.first == "Cache-Control" || h.first == "Retry-After"; });
  r.Header("Cache-Control", "no-store");
  if (const int wait = RetryAfterSeconds(code); wait > 0) r.Header("Retry-After", std::to_string(wait));
  r.cache_tags.clear();
}

}  // namespace gazette::http
