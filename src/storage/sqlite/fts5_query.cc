// FTS5 expressions built from quoted strings only: inside "...", FTS5 reads everything as text to
// tokenize, and a quote is written twice.
#include "storage/sqlite/fts5_query.h"

namespace gazette::storage::sqlite {

namespace {

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string ToFts5(const std::vector<search::QueryTerm>& terms, search::Match match) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += match == search::Match::kAll ? " " : " OR ";
    out += Quote(t.text);
    if (t.prefix) out += '*';
  }
  return out;
}

std::string InTitleOnly(const std::string& expression) { return "{title} : (" + expression + ")"; }

std::string TagFacet(std::string_view tag_slug) { return Facet('t', tag_slug); }
std::string AuthorFacet(std::string_view author_slug) { return Facet('a', author_slug); }

std::string Facet(char kind, std::string_view slug) {
  static const char* hex = "0123456789abcdef";
  std::string out(1, kind);
  for (unsigned char c : slug) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out + "0";
}

namespace {

constexpr UnixTime kDay = 86400;

// Days since 1970-01-01 -> civil date and back (Howard Hinnant's algorithms).
CivilDate FromDays(std::int64_t z) { return ToCivil(z * kDay); }
std::int64_t ToDays(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string Digits(int value, int width) {
  std::string s = std::to_string(value);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::vector<std::string> DateFacets(UnixTime from, UnixTime until) {
  std::vector<std::string> out;
  std::int64_t day = FloorDiv(from, kDay);
  const std::int64_t end = FloorDiv(until - 1, kDay) + 1;  // the day of `until - 1`, inclusive
  while (day < end) {
    const CivilDate d = FromDays(day);
    if (d.month == 1 && d.day == 1 && ToDays(d.year + 1, 1, 1) <= end) {
      out.push_back("y" + Digits(d.year, 4));
      day = ToDays(d.year + 1, 1, 1);
    } else if (d.day == 1 && ToDays(d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1) <= end) {
      out.push_back("m" + Digits(d.year, 4) + Digits(d.month, 2));
      day = ToDays(d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1);
    } else {
      out.push_back("d" + Digits(d.year, 4) + Digits(d.month, 2) + Digits(d.day, 2));
      ++day;
    }
  }
  return out;
}

std::string WithFacets(const std::string& expression, const std::optional<std::string>& tag_slug,
                       const std::vector<std::string>& date_facets, const std::optional<std::string>& author_slug) {
  std::string out = "(" + expression + ")";
  if (tag_slug) out += " AND {facets} : \"" + TagFacet(*tag_slug) + "\"";
  if (author_slug) out += " AND {facets} : \"" + AuthorFacet(*author_slug) + "\"";
  if (!date_facets.empty()) {
    out += " AND {facets} : (";
    for (std::size_t i = 0; i < date_facets.size(); ++i) out += (i ? " OR " : "") + date_facets[i];
    out += ")";
  }
  return out;
}

}  // namespace gazette::storage::sqlite
