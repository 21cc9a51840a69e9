#include "common/sodium.h"

#include <sodium.h>

#include <stdexcept>

namespace gazette {

void EnsureSodium() {
  static const bool started = sodium_init() >= 0;  // once, thread-safe
  if (!started) throw std::runtime_error("libsodium failed to initialise");
}

std::string ToHex(const unsigned char* data, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, n);
  hex.pop_back();
  return hex;
}

}  // namespace gazette
