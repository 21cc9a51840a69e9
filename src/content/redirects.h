// Redirects: old addresses that answer 301 with a new one. Imports fill them (a WordPress
// site's ?p=ID, ?page_id=ID, old permalinks, /category/SLUG/; a Hugo site's aliases); editors
// can add them; `gazette export static` writes them as an nginx map. Implemented in storage/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "content/article.h"

namespace gazette::content {

// Where an old address leads. An article target follows the article: its address is computed
// when the redirect is answered, so a later change of permalink pattern or slug is followed too.
struct Redirect {
  std::string from;                 // a local path, normalised: "/2019/01/hello/", "/?p=12"
  std::optional<ArticleId> article;  // an article or page ...
  std::string to;                   // ... or else a local path ("/tag/news/") or an absolute URL
};

// The form redirects are stored and looked up in: the path without its host, percent-decoding
// left as sent, a trailing slash added to paths without an extension, and only the query
// parameters that name content (p, page_id, attachment_id, cat, tag, author), sorted.
// "/?p=12&utm_source=x" → "/?p=12"; "/old-post" → "/old-post/"; "http://old.example/a/" → "/a/".
std::string NormaliseRedirectSource(std::string_view path_and_query);

// The most a redirect's source or target may hold; longer ones are refused (CheckRedirect).
inline constexpr std::size_t kMaxRedirectBytes = 2048;

// Ok if `redirect` may be stored: `from` a normalised local path ("/..."), and exactly one
// target: an article id (> 0), or `to` a local path ("/...", not "//host") or an http(s) URL,
// different from `from`, without spaces or control characters. kInvalidArgument otherwise.
Status CheckRedirect(const Redirect& redirect);

// Implementations are thread-safe.
class RedirectRepository {
 public:
  virtual ~RedirectRepository() = default;
  // Adds or replaces the redirect from `from` (normalised by the caller). kInvalidArgument when
  // CheckRedirect refuses it; kConflict when its article does not exist.
  virtual Status Put(const Redirect& redirect) = 0;
  // The redirect from this normalised source, or nullopt.
  virtual Result<std::optional<Redirect>> Find(std::string_view from) const = 0;
  // Every redirect, ordered by source.
  virtual Result<std::vector<Redirect>> List() const = 0;
  // Removes the redirect from `from`; Ok if there was none.
  virtual Status Remove(std::string_view from) = 0;
};

}  // namespace gazette::content
