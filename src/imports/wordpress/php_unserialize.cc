// A recursive-descent reader of serialize()'s grammar: N; b:0; i:5; d:1.5; s:3:"abc"; and
// a:2:{KEY VALUE KEY VALUE}, where a string's length is in bytes.
#include "imports/wordpress/php_unserialize.h"

#include <charconv>
#include <cstdlib>
#include <optional>

namespace gazette::imports::wordpress {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<PhpValue> Value(int depth) {
    if (depth > kMaxPhpDepth) return Fail("nested too deeply");
    if (pos_ >= s_.size()) return Fail("truncated");
    const char type = s_[pos_++];
    PhpValue v;
    switch (type) {
      case 'N':
        if (!Expect(';')) return Fail("expected ';'");
        return v;
      case 'b': {
        auto n = Integer(':', ';');
        if (!n || (*n != 0 && *n != 1)) return Fail("bad boolean");
        v.kind = PhpValue::Kind::kBool;
        v.boolean = *n == 1;
        return v;
      }
      case 'i': {
        auto n = Integer(':', ';');
        if (!n) return Fail("bad integer");
        v.kind = PhpValue::Kind::kInt;
        v.integer = *n;
        return v;
      }
      case 'd': return Double();
      case 's': return String();
      case 'a': return Array(depth);
      case 'O':
      case 'C': return Fail("objects are refused");
      case 'r':
      case 'R': return Fail("references are refused");
      default: return Fail("unknown type");
    }
  }

  bool AtEnd() const { return pos_ == s_.size(); }
  Error Fail(const std::string& why) const {
    return Error::Invalid("serialised value: " + why + " at offset " + std::to_string(pos_));
  }

 private:
  bool Expect(char c) {
    if (pos_ >= s_.size() || s_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // `open` then a decimal integer then `close`.
  std::optional<std::int64_t> Integer(char open, char close) {
    if (!Expect(open)) return std::nullopt;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s_.data() + pos_, s_.data() + s_.size(), n);
    if (ec != std::errc()) return std::nullopt;
    pos_ = end - s_.data();
    if (!Expect(close)) return std::nullopt;
    return n;
  }

  Result<PhpValue> Double() {
    if (!Expect(':')) return Fail("bad double");
    const std::size_t end = s_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 64) return Fail("bad double");
    const std::string digits(s_.substr(pos_, end - pos_));
    char* stop = nullptr;
    PhpValue v;
    v.kind = PhpValue::Kind::kDouble;
    v.number = std::strtod(digits.c_str(), &stop);
    if (digits.empty() || *stop != '\0') return Fail("bad double");
    pos_ = end + 1;
    return v;
  }

  Result<PhpValue> String() {
    auto len = Integer(':', ':');
    if (!len || *len < 0) return Fail("bad string length");
    if (!Expect('"') || static_cast<std::size_t>(*len) > s_.size() - pos_) return Fail("truncated string");
    PhpValue v;
    v.kind = PhpValue::Kind::kString;
    v.string = std::string(s_.substr(pos_, *len));
    pos_ += *len;
    if (!Expect('"') || !Expect(';')) return Fail("string longer than its length");
    return v;
  }

  Result<PhpValue> Array(int depth) {
    auto count = Integer(':', ':');
    // Each entry takes at least 4 bytes ("i:0;" and "N;"): a count past that is a lie.
    if (!count || *count < 0 || static_cast<std::size_t>(*count) > (s_.size() - pos_) / 4)
      return Fail("bad array length");
    if (!Expect('{')) return Fail("expected '{'");
    PhpValue v;
    v.kind = PhpValue::Kind::kArray;
    for (std::int64_t i = 0; i < *count; ++i) {
      auto key = Value(depth + 1);
      if (!key) return key.error();
      if (key->kind != PhpValue::Kind::kInt && key->kind != PhpValue::Kind::kString)
        return Fail("array key is neither integer nor string");
      auto value = Value(depth + 1);
      if (!value) return value.error();
      v.items.emplace_back(std::move(*key), std::move(*value));
    }
    if (!Expect('}')) return Fail("expected '}'");
    return v;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

const PhpValue* PhpValue::Find(std::string_view key) const {
  for (const auto& [k, v] : items)
    if (k.kind == Kind::kString && k.string == key) return &v;
  return nullptr;
}

Result<PhpValue> PhpUnserialize(std::string_view s) {
  if (s.size() > kMaxPhpBytes) return Error::Invalid("serialised value larger than " + std::to_string(kMaxPhpBytes));
  Parser parser(s);
  auto v = parser.Value(0);
  if (!v) return v.error();
  if (!parser.AtEnd()) return parser.Fail("trailing bytes");
  return v;
}

}  // namespace gazette::imports::wordpress
