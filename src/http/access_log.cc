// AccessLog over an spdlog logger of its own, so that it can go to a file or stdout unadorned.
#include "http/access_log.h"

#include <nlohmann/json.hpp>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <ctime>

#include "common/time.h"

namespace gazette::http {
namespace {

std::string Quoted(std::string_view s) {
  if (s.empty()) return "\"-\"";
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

std::string CommonLogTime(std::time_t now) {
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "[%d/%b/%Y:%H:%M:%S +0000]", &tm);
  return buf;
}

}  // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& format, const std::string& destination) {
  Format f;
  if (format == "off")
    f = Format::kOff;
  else if (format == "combined")
    f = Format::kCombined;
  else if (format == "json")
    f = Format::kJson;
  else
    return Error::Invalid("--access-log is off, combined or json");
  std::shared_ptr<spdlog::logger> logger;
  if (f != Format::kOff) {
    try {
      spdlog::sink_ptr sink;
      if (destination == "-")
        sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
      else
        sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(destination);
      logger = std::make_shared<spdlog::logger>("access", sink);
      logger->set_pattern("%v");
      logger->flush_on(spdlog::level::info);
    } catch (const spdlog::spdlog_ex& e) {
      return Error::Unavailable(std::string("Cannot open the access log: ") + e.what());
    }
  }
  return std::unique_ptr<AccessLog>(new AccessLog(f, std::move(logger)));
}

void AccessLog::Record(const Request& req, const std::string& method, const Response& res, std::size_t body_bytes) {
  if (format_ == Format::kOff) return;
  const std::time_t now = std::time(nullptr);
  if (format_ == Format::kCombined) {
    logger_->info("{} - - {} {} {} {} {} {}", req.remote_ip, CommonLogTime(now),
                  Quoted(method + " " + req.target + " HTTP/1.1"), res.status, body_bytes,
                  Quoted(req.Header("referer")), Quoted(req.Header("user-agent")));
  } else {
    nlohmann::json j = {{"time", FormatIso8601(now)},
                        {"ip", req.remote_ip},
                        {"method", method},
                        {"target", req.target},
                        {"status", res.status},
                        {"bytes", body_bytes},
                        {"route", res.route},
                        {"referer", req.Header("referer")},
                        {"user_agent", req.Header("user-agent")}};
    logger_->info("{}", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace gazette::http
