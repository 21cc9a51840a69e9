// libsodium's start-up and hex encoding, for every folder that uses it (accounts, comments,
// media). Call EnsureSodium() before any libsodium function: it runs sodium_init once per process
// and throws if libsodium cannot start (no usable randomness), which nothing can recover from.
#pragma once

#include <cstddef>
#include <string>

namespace gazette {

void EnsureSodium();

// Lowercase hex of `n` bytes.
std::string ToHex(const unsigned char* data, std::size_t n);

}  // namespace gazette
