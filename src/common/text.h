// Text helpers shared by every layer: UTF-8 checks, HTML escaping, slugs and excerpts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::text {

// Returns the offset of the first byte that is not part of valid UTF-8, or nullopt if `s` is valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) { return !FindInvalidUtf8(s).has_value(); }

// Replaces every invalid UTF-8 sequence with U+FFFD, so that text can be shown back safely.
std::string SanitizeUtf8(std::string_view s);

// Number of code points in valid UTF-8 text.
std::size_t CountCodePoints(std::string_view s);

// Escapes & < > " ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view s);

// Trims ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

// Lowercases ASCII letters only.
std::string AsciiLower(std::string_view s);

// A URL slug: lowercase, words joined by '-', Latin accents folded to ASCII (é -> e, ß -> ss),
// letters of other scripts kept as UTF-8, at most `max_bytes` long, cut between words.
// Returns "" when `title` has no letters or digits.
std::string Slugify(std::string_view title, std::size_t max_bytes = 80);

// Cuts plain text to at most about `max_chars` code points at a word boundary and appends "...".
// Text that already fits is returned unchanged (no "...").
std::string Excerpt(std::string_view plain, std::size_t max_chars);

// Collapses runs of whitespace (including newlines) into single spaces and trims.
std::string CollapseWhitespace(std::string_view s);

// Splits on `sep`, trimming each piece and dropping empty ones.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);

// Percent-encodes bytes outside the unreserved set and '/', for use in a URL path.
std::string EncodePath(std::string_view path);

// Percent-encodes every byte outside the unreserved set ('/', '&', '=', '?' included), for a
// value in a URL's query string: "?url=" + EncodeQueryValue("https://x.example/a?b").
std::string EncodeQueryValue(std::string_view value);

}  // namespace gazette::text
