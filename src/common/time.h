// Times: Gazette keeps Unix seconds (UTC) everywhere and formats them only for display.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

using UnixTime = std::int64_t;

struct CivilDate {
  int year = 1970, month = 1, day = 1;
};

CivilDate ToCivil(UnixTime t);
// Midnight (UTC) at the start of `date`; nullopt for a date that does not exist (30 February).
std::optional<UnixTime> FromCivil(CivilDate date);

// "2026-11-26T09:30:00Z".
std::string FormatIso8601(UnixTime t);
// "26 November 2026".
std::string FormatHumanDate(UnixTime t);
// RFC 1123, for HTTP headers: "Thu, 26 Nov 2026 09:30:00 GMT".
std::string FormatHttpDate(UnixTime t);

// Parses an RFC 1123 HTTP date ("Thu, 26 Nov 2026 09:30:00 GMT").
std::optional<UnixTime> ParseHttpDate(std::string_view s);

// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]Z" or with a space instead of 'T' (UTC).
std::optional<UnixTime> ParseIso8601(std::string_view s);

// Abstract clock so that tests can fix "now".
class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixTime Now() const = 0;
  // Unix milliseconds, for schedules finer than a second (webhook retries).
  virtual std::int64_t NowMs() const { return Now() * 1000; }
};

class SystemClock final : public Clock {
 public:
  UnixTime Now() const override;
  std::int64_t NowMs() const override;
};

}  // namespace gazette
