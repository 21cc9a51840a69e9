// Numbers from text: the one way Gazette reads an integer out of a path, a form, a query, a
// setting or a token. The whole string must be the number (no sign for ids, no spaces, base 10).
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gazette {

template <typename T>
std::optional<T> ParseInteger(std::string_view s) {
  T v{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// A row id: a whole positive number ("12"), or nullopt.
inline std::optional<std::int64_t> ParseId(std::string_view s) {
  auto v = ParseInteger<std::int64_t>(s);
  if (!v || *v <= 0) return std::nullopt;
  return v;
}

}  // namespace gazette
