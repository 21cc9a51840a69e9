// Error: what went wrong, in words safe to show a reader or an editor.
#pragma once

#include <string>

namespace gazette {

enum class ErrorCode {
  kNotFound,
  kInvalidArgument,
  kConflict,
  kPermissionDenied,
  kTooLarge,
  kUnavailable,
  kInternal,
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // safe to show a reader or an editor
  std::string field;    // the form field at fault, if any

  static Error NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message), {}}; }
  static Error Invalid(std::string message, std::string field = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error Conflict(std::string message) { return {ErrorCode::kConflict, std::move(message), {}}; }
  static Error Denied(std::string message) { return {ErrorCode::kPermissionDenied, std::move(message), {}}; }
  static Error Internal(std::string message) { return {ErrorCode::kInternal, std::move(message), {}}; }
  static Error Unavailable(std::string message) { return {ErrorCode::kUnavailable, std::move(message), {}}; }
};

}  // namespace gazette
