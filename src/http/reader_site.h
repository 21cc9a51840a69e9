// ReaderSite: the public site (home, tag archives, article pages, comment posting, assets).
#pragma once

#include <optional>
#include <string>

#include "comments/comment_service.h"
#include "comments/form_token.h"
#include "common/time.h"
#include "content/article_service.h"
#include "content/live_settings.h"
#include "http/message.h"
#include "media/media.h"
#include "related/related_service.h"
#include "search/search_service.h"
#include "themes/renderer.h"

namespace gazette::http {

struct ReaderSiteDeps {
  const content::LiveSettings& site;  // title, URL, permalink pattern...: a snapshot per request
  content::ArticleService& articles;
  comments::CommentService& comments;
  related::RelatedService& related;
  search::SearchService& search;
  const themes::Renderer& renderer;
  const comments::FormTokenSigner& tokens;
  const Clock& clock;
  std::string static_dir;  // files served under /static/
  const media::MediaRepository& media;  // featured images
};

class ReaderSite {
 public:
  explicit ReaderSite(ReaderSiteDeps deps) : d_(std::move(deps)) {}

  // One entry point per reader route; the table that dispatches to them is app/server.cc's.
  // None throws for bad input.
  //
  // Home, tag archives, article pages and their redirects: every other GET path.
  Response Page(const Request& req) const;
  // POST /comments.
  Response PostComment(const Request& req) const;
  // GET /comments/token?article=ID: a fresh form token (uncached).
  Response CommentToken(const Request& req) const;
  // GET /comments/feed/ and /comments/feed/ID/.
  Response CommentFeed(const Request& req) const;
  // GET /search and /search.json.
  Response SearchPage(const Request& req) const;
  Response SearchJson(const Request& req) const;
  // GET /related.json?article=ID.
  Response RelatedJson(const Request& req) const;
  // GET /static/NAME: the theme's files.
  Response StaticFile(const Request& req) const;
  // The page for a request whose handler failed unexpectedly (500).
  Response Failure(const Request& req) const;

 private:
  Response Home(int page) const;
  Response TagArchive(const std::string& slug, int page) const;
  // The cards' featured images (themes::ListPage::card_images), looked up in the media library;
  // the first card's is loaded at once, being at the top of the page.
  Result<std::vector<SafeHtml>> CardImages(const content::ArticleList& list) const;
  std::optional<Response> ArticleAt(const Request& req) const;
  // An address an article had under an earlier permalink pattern or an earlier slug (the slug
  // last): a 301 to where it is now. Links and search engines keep working after either changes.
  std::optional<Response> MovedArticle(const std::string& path) const;
  Response ArticlePage(const content::Article& article, themes::CommentFormState form, bool awaiting, int status) const;
  Response RefusedComment(const content::Article& article, themes::CommentFormState kept,
                          const comments::SubmitResult& result) const;
  // comment_feed.cc: /comments/feed/ (site-wide) and /comments/feed/ID/ (one article), RSS 2.0.
  // The page's comments: thread depth, avatars, closed state and the reply form (?replytocom=ID).
  Status FillComments(themes::ArticlePage& page, themes::CommentFormState& form) const;
  // search_pages.cc: /search, /search.json and /related.json.
  Response ErrorPage(int status, const std::string& title, const std::string& message) const;
  Response NotFound() const;
  // The page for a failed read or write (http/errors.h: status, Retry-After, never cached); the
  // 404 page for kNotFound. Logs what is not the reader's doing.
  Response Failed(const Error& error) const;
  bool SameOrigin(const Request& req) const;

  ReaderSiteDeps d_;
};

}  // namespace gazette::http
