// FormToken: a signed, timestamped token that ties a comment form to one article.
//
// Article pages are cached and served byte-identical to every reader, so the token in a page
// carries no per-visitor secret: it proves that the form came from this site for this article
// within the token's lifetime, which a cross-site form or a blind bot cannot forge.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"
#include "content/article.h"

namespace gazette::comments {

class FormTokenSigner {
 public:
  // `key` is the site's secret (at least 32 bytes). `max_age` is how long a token is accepted.
  FormTokenSigner(std::string key, UnixTime max_age) : key_(std::move(key)), max_age_(max_age) {}

  // "ISSUED.MAC" where MAC is an HMAC over the article id and the time of issue.
  std::string Issue(content::ArticleId article, UnixTime issued_at) const;
  // kPermissionDenied when the token is malformed, forged, for another article, from the
  // future or older than max_age.
  Status Verify(std::string_view token, content::ArticleId article, UnixTime now) const;

  UnixTime max_age() const { return max_age_; }
  // The site secret, for other keyed hashes (identicons), which derive their own keys from it.
  const std::string& secret() const { return key_; }
  // When a well-formed token says it was issued (not verified: call Verify first).
  static std::optional<UnixTime> IssuedAt(std::string_view token);

 private:
  std::string Mac(content::ArticleId article, UnixTime issued_at) const;

  std::string key_;
  UnixTime max_age_;
};

// A new random secret, hex-encoded, for the site's settings.
std::string NewSecret();

}  // namespace gazette::comments
