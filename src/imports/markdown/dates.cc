// A small hand-written reader: the formats are few and fixed, and a lenient parser would
// silently take "03/04/2020" as either March or April.
#include "imports/markdown/dates.h"

#include <cctype>

#include "common/text.h"

namespace gazette::imports::markdown {
namespace {

// Reads exactly `digits` digits at `pos`, advancing it.
std::optional<int> Number(std::string_view s, std::size_t& pos, int digits) {
  if (pos + digits > s.size()) return std::nullopt;
  int n = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  pos += digits;
  return n;
}

bool Expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// The UTC offset at `pos` in seconds: "Z", "+01:00", "-0700", "+01", or nothing (UTC).
std::optional<int> Offset(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  const std::string_view rest = s.substr(pos);
  if (rest.empty() || rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT") return 0;
  if (rest[0] != '+' && rest[0] != '-') return std::nullopt;
  const int sign = rest[0] == '-' ? -1 : 1;
  ++pos;
  auto hours = Number(s, pos, 2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (pos < s.size()) {
    Expect(s, pos, ':');
    auto m = Number(s, pos, 2);
    if (!m || pos != s.size()) return std::nullopt;
    minutes = *m;
  }
  if (*hours > 23 || minutes > 59) return std::nullopt;
  return sign * (*hours * 3600 + minutes * 60);
}

}  // namespace

std::optional<UnixTime> ParseFrontMatterDate(std::string_view s) {
  s = text::Trim(s);
  std::size_t pos = 0;
  auto year = Number(s, pos, 4);
  if (!year || !Expect(s, pos, '-')) return std::nullopt;
  auto month = Number(s, pos, 2);
  if (!month || !Expect(s, pos, '-')) return std::nullopt;
  auto day = Number(s, pos, 2);
  if (!day || *month < 1 || *month > 12) return std::nullopt;
  auto midnight = FromCivil(CivilDate{*year, *month, *day});
  if (!midnight) return std::nullopt;
  if (pos == s.size()) return *midnight;
  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
  ++pos;
  auto hour = Number(s, pos, 2);
  if (!hour || !Expect(s, pos, ':')) return std::nullopt;
  auto minute = Number(s, pos, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    auto sec = Number(s, pos, 2);
    if (!sec) return std::nullopt;
    second = *sec;
    if (pos < s.size() && s[pos] == '.') {  // fractions of a second are dropped
      ++pos;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
  }
  if (*hour > 23 || *minute > 59 || second > 60) return std::nullopt;
  auto offset = Offset(s, pos);
  if (!offset) return std::nullopt;
  return *midnight + *hour * 3600 + *minute * 60 + second - *offset;
}

}  // namespace gazette::imports::markdown
