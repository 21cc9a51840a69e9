// Time formatting and parsing, all in UTC.
#include "common/time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace gazette {
namespace {

std::tm ToTm(UnixTime t) {
  std::tm tm{};
  const std::time_t tt = static_cast<std::time_t>(t);
  gmtime_r(&tt, &tm);
  return tm;
}

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

}  // namespace

CivilDate ToCivil(UnixTime t) {
  const std::tm tm = ToTm(t);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::optional<UnixTime> FromCivil(CivilDate date) {
  using namespace std::chrono;
  // std::chrono's month and day hold unspecified values past 255: check the range first.
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
  const year_month_day ymd{year{date.year}, month{static_cast<unsigned>(date.month)},
                           day{static_cast<unsigned>(date.day)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<UnixTime>(sys_days{ymd}.time_since_epoch().count()) * 86400;
}

std::string FormatIso8601(UnixTime t) {
  const std::tm tm = ToTm(t);
  char buf[64];  // room for any int fields, so the compiler can see nothing is cut
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string FormatHumanDate(UnixTime t) {
  const std::tm tm = ToTm(t);
  return std::to_string(tm.tm_mday) + " " + kMonths[tm.tm_mon] + " " + std::to_string(tm.tm_year + 1900);
}

std::string FormatHttpDate(UnixTime t) {
  const std::tm tm = ToTm(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %.3s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::optional<UnixTime> ParseIso8601(std::string_view s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  const std::string str(s);
  int n = std::sscanf(str.c_str(), "%4d-%2d-%2d%*[T ]%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec);
  if (n < 3) return std::nullopt;
  if (n == 4) return std::nullopt;  // an hour without minutes
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  const auto midnight = FromCivil({y, mo, d});
  if (!midnight) return std::nullopt;
  return *midnight + h * 3600 + mi * 60 + sec;
}

std::optional<UnixTime> ParseHttpDate(std::string_view s) {
  std::tm tm{};
  const std::string str(s);
  const char* end = strptime(str.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  return static_cast<UnixTime>(timegm(&tm));
}

UnixTime SystemClock::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::int64_t SystemClock::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace gazette
