// AccessLog: one line per answered request, in the combined log format or as JSON lines.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "http/message.h"

namespace spdlog {
class logger;
}

namespace gazette::http {

class AccessLog {
 public:
  enum class Format { kOff, kCombined, kJson };

  // `destination` is a file path, or "-" for standard output. kInvalidArgument for an unknown
  // format name ("off", "combined", "json"); kUnavailable if the file cannot be opened.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& format, const std::string& destination);

  // Thread-safe.
  void Record(const Request& req, const std::string& method, const Response& res, std::size_t body_bytes);
  bool enabled() const { return format_ != Format::kOff; }

 private:
  AccessLog(Format format, std::shared_ptr<spdlog::logger> logger) : format_(format), logger_(std::move(logger)) {}
  Format format_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace gazette::http
