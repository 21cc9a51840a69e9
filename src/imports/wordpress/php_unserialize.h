// PHP's serialize() format, as WordPress stores structured post meta (_wp_attachment_metadata,
// menu item classes): a small parser for its plain values only. Objects (O:, C:) and references
// are refused, never instantiated, so an export cannot smuggle one in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.h"

namespace gazette::imports::wordpress {

struct PhpValue {
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kArray };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string string;
  std::vector<std::pair<PhpValue, PhpValue>> items;  // an array's keys and values, in order

  // The value under string key `key` of an array, or nullptr.
  const PhpValue* Find(std::string_view key) const;
};

inline constexpr int kMaxPhpDepth = 32;
inline constexpr std::size_t kMaxPhpBytes = 1 << 20;

// Parses one serialised value that spans all of `s`. kInvalidArgument, with the offset, for
// objects, references, malformed or truncated input, nesting past kMaxPhpDepth and input past
// kMaxPhpBytes.
Result<PhpValue> PhpUnserialize(std::string_view s);

}  // namespace gazette::imports::wordpress
