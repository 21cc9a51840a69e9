// Passwords and secrets: Argon2id hashing (libsodium crypto_pwhash_str) and random tokens.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace gazette::accounts {

// The Argon2id hash of `password` in libsodium's self-describing string form. kInternal if
// libsodium fails (out of memory). Takes about 0.1 s and 64 MiB by design.
Result<std::string> HashPassword(std::string_view password);
// True when `password` matches `hash`. Never throws; a malformed hash does not match.
bool VerifyPassword(std::string_view hash, std::string_view password);
// A hash to verify against when the account does not exist, so that both cases take as long.
const std::string& DummyHash();

// kInvalidArgument (field "password") unless it is 10 to 1024 bytes of text.
Status CheckPasswordStrength(std::string_view password);
// A random password of 20 letters and digits, for `gazette user add` without one.
std::string GeneratePassword();
// `bytes` random bytes, hex-encoded: session ids, CSRF tokens, API tokens.
std::string RandomHex(std::size_t bytes);
// SHA-256 of `s`, hex-encoded: what is stored for session and API tokens, never the token.
std::string Sha256Hex(std::string_view s);
// Compares in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gazette::accounts
