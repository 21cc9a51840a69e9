// FNV-1a (64-bit): a fast hash that is the same on every run and machine, unlike std::hash. For
// ETags, version stamps and change checks; not for anything an attacker must not collide. The
// offset basis is Gazette's own (not the reference one), kept because stored headline keys use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gazette {

class Fnv1a {
 public:
  Fnv1a& Add(unsigned char byte) {
    hash_ = (hash_ ^ byte) * 1099511628211ull;
    return *this;
  }
  Fnv1a& Add(std::string_view bytes) {
    for (unsigned char c : bytes) Add(c);
    return *this;
  }
  std::uint64_t Value() const { return hash_; }
  // The value as 16 lowercase hex digits.
  std::string Hex() const;

 private:
  std::uint64_t hash_ = 1469598103934665603ull;
};

}  // namespace gazette
