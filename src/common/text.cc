// Text helpers: byte-level UTF-8 handling, so that every layer agrees on what valid text is.
#include "common/text.h"

#include <array>
#include <cstdint>

namespace gazette::text {
namespace {

// Decodes one code point at `i`. Returns its length, or 0 when the bytes there are not valid UTF-8.
std::size_t DecodeOne(std::string_view s, std::size_t i, char32_t* out) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  std::size_t len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *out = cp;
  return len;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// ASCII folding of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lowercase.
// An empty entry means "not a letter": it separates words.
// The table keeps one row per 16 code points.
// clang-format off
constexpr std::array<const char*, 0x180 - 0xC0> kLatinFold = {
    // C0-CF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // D0-DF
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // E0-EF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // F0-FF
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // 100-11F
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // 120-13F
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // 140-15F
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // 160-17F
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};
// clang-format on

// Code points that separate words although they are above ASCII: Latin-1 punctuation and
// symbols, general punctuation, currency, and CJK punctuation.
bool IsNonAsciiSeparator(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F);
}

// Lowercases Greek and Cyrillic capitals; other scripts are returned unchanged.
char32_t LowerNonLatin(char32_t cp) {
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = DecodeOne(s, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    const std::size_t len = DecodeOne(s, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::size_t CountCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Slugify(std::string_view title, std::size_t max_bytes) {
  std::string slug;
  bool pending_dash = false;
  auto append = [&](std::string_view piece) {
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug.append(piece);
  };
  std::size_t i = 0;
  while (i < title.size()) {
    char32_t cp;
    std::size_t len = DecodeOne(title, i, &cp);
    if (len == 0) {  // invalid byte: treat as a separator rather than store it
      pending_dash = true;
      ++i;
      continue;
    }
    i += len;
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        append(std::string_view(&c, 1));
      } else if (c >= 'A' && c <= 'Z') {
        const char lower = static_cast<char>(c - 'A' + 'a');
        append(std::string_view(&lower, 1));
      } else if (c != '\'') {  // "Labour's" -> "labours"
        pending_dash = true;
      }
    } else if (cp >= 0xC0 && cp < 0x180) {
      const char* folded = kLatinFold[cp - 0xC0];
      if (*folded)
        append(folded);
      else
        pending_dash = true;
    } else if (cp == 0x2019) {  // typographic apostrophe, as '\''
    } else if (IsNonAsciiSeparator(cp)) {
      pending_dash = true;
    } else {
      std::string utf8;
      AppendUtf8(utf8, LowerNonLatin(cp));
      append(utf8);
    }
  }
  if (slug.size() <= max_bytes) return slug;
  // Cut at the last dash that fits, so that no word (or code point) is split.
  std::size_t cut = slug.rfind('-', max_bytes);
  if (cut == std::string::npos || cut == 0) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut;
  }
  return slug.substr(0, cut);
}

std::string Excerpt(std::string_view plain, std::size_t max_chars) {
  const std::string collapsed = CollapseWhitespace(plain);
  if (CountCodePoints(collapsed) <= max_chars) return collapsed;
  // Find the byte offset of code point `max_chars`.
  std::size_t bytes = 0, chars = 0;
  while (bytes < collapsed.size() && chars < max_chars) {
    ++bytes;
    while (bytes < collapsed.size() && (static_cast<unsigned char>(collapsed[bytes]) & 0xC0) == 0x80) ++bytes;
    ++chars;
  }
  std::size_t cut = collapsed.rfind(' ', bytes);
  if (cut == std::string::npos || cut < bytes / 2) cut = bytes;  // one very long word: cut inside it
  std::string out = collapsed.substr(0, cut);
  // Do not end on punctuation before the ellipsis ("rise,..." reads badly).
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':' || out.back() == '.' ||
                          out.back() == '-' || out.back() == ' '))
    out.pop_back();
  return out + "...";
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : Trim(s)) {
    if (IsSpace(c)) {
      space = true;
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::vector<std::string> SplitTrimmed(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view piece = Trim(s.substr(start, end - start));
    if (!piece.empty()) parts.emplace_back(piece);
    start = end + 1;
  }
  return parts;
}

namespace {

// Percent-encodes every byte outside RFC 3986's unreserved set, and '/' too unless `keep_slash`.
std::string PercentEncode(std::string_view s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    const bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' ||
                      b == '_' || b == '.' || b == '~' || (keep_slash && b == '/');
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string EncodePath(std::string_view path) { return PercentEncode(path, true); }

std::string EncodeQueryValue(std::string_view value) { return PercentEncode(value, false); }

}  // namespace gazette::text
