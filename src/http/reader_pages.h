// ReaderPages: what every reader-facing handler shares: its dependencies, the error pages and
// how a failed read becomes a response (http/errors.h). The handlers are named by what they
// serve: ArticlePages, CommentEndpoint, CommentFeed, SearchPages, StaticFiles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "comments/comment_service.h"
#include "comments/form_token.h"
#include "common/time.h"
#include "content/article_service.h"
#include "content/live_settings.h"
#include "content/redirects.h"
#include "http/message.h"
#include "media/media.h"
#include "related/related_service.h"
#include "search/search_service.h"
#include "themes/renderer.h"

namespace gazette::http {

struct ReaderDeps {
  const content::LiveSettings& site;  // title, URL, permalink pattern...: a snapshot per request
  content::ArticleService& articles;
  comments::CommentService& comments;
  related::RelatedService& related;
  search::SearchService& search;
  const themes::Renderer& renderer;
  const comments::FormTokenSigner& tokens;
  const Clock& clock;
  std::string static_dir;               // files served under /static/
  const media::MediaRepository& media;  // featured images
  const content::RedirectRepository& redirects;  // answered on the 404 path (ArticlePages)
};

// Browsers keep a page a minute; a CDN in front keeps it longer and may serve it while it
// revalidates. Gazette's own cache is invalidated exactly, so it can keep pages much longer.
inline constexpr const char* kPageCacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=60";

// An HTML response with its caching: `cache_tags` (none: not stored by the page cache).
Response Html(int status, std::string body, const char* cache_control, const char* route,
              std::vector<std::string> cache_tags = {});

class ReaderPages {
 public:
  // REQUIRES: everything in `deps` outlives the pages.
  explicit ReaderPages(ReaderDeps deps) : d_(std::move(deps)) {}

  // The page for a request whose handler failed unexpectedly (500).
  Response Failure(const Request& req) const;
  Response NotFound() const;
  // The page for a failed read or write (http/errors.h: status, Retry-After, never cached); the
  // 404 page for kNotFound. Logs what is not the reader's doing.
  Response Failed(const Error& error) const;

 protected:
  Response ErrorPage(int status, const std::string& title, const std::string& message) const;
  // The published article that a permalink match names (by id or slug); kNotFound for a draft
  // or no article. The caller checks that the match's date parts agree (Permalink::Agrees).
  Result<content::Article> PublishedArticle(const content::PermalinkMatch& match) const;
  // A featured image's item in the media library; nullopt when it is no longer there.
  Result<std::optional<media::MediaItem>> FeaturedMedia(const content::FeaturedImage& image) const;

  ReaderDeps d_;
};

}  // namespace gazette::http
