// FormToken signing with libsodium's HMAC-SHA-512-256 (crypto_auth).
#include "comments/form_token.h"

#include <sodium.h>

#include "common/numbers.h"
#include "common/sodium.h"

namespace gazette::comments {

std::string FormTokenSigner::Mac(content::ArticleId article, UnixTime issued_at) const {
  EnsureSodium();
  unsigned char key[crypto_auth_KEYBYTES] = {};
  // Derive a fixed-size key from the secret, so any secret length works.
  crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(key_.data()), key_.size(), nullptr, 0);
  const std::string message = "comment-form:" + std::to_string(article) + ":" + std::to_string(issued_at);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key);
  return ToHex(mac, 16);  // 128 bits are plenty for a form token
}

std::string FormTokenSigner::Issue(content::ArticleId article, UnixTime issued_at) const {
  return std::to_string(issued_at) + "." + Mac(article, issued_at);
}

Status FormTokenSigner::Verify(std::string_view token, content::ArticleId article, UnixTime now) const {
  const Error invalid{ErrorCode::kPermissionDenied,
                      "This form has expired or did not come from this site. Please send your comment again.",
                      {}};
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0) return invalid;
  const auto parsed = ParseInteger<UnixTime>(token.substr(0, dot));
  if (!parsed) return invalid;
  const UnixTime issued = *parsed;
  const std::string expected = Mac(article, issued);
  const std::string_view given = token.substr(dot + 1);
  if (given.size() != expected.size() || sodium_memcmp(given.data(), expected.data(), expected.size()) != 0)
    return invalid;
  if (issued > now + 300 || now - issued > max_age_) return invalid;
  return Status::Ok();
}

std::optional<UnixTime> FormTokenSigner::IssuedAt(std::string_view token) {
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return ParseInteger<UnixTime>(token.substr(0, dot));
}

std::string NewSecret() {
  EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return ToHex(bytes, sizeof bytes);
}

}  // namespace gazette::comments
