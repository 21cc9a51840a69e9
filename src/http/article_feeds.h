// ArticleFeeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest published articles, for the
// whole site, a tag or an author:
//   /feed/ (also /feed/rss2/, /feed/rss/ and /?feed=rss2, as WordPress has them), /feed/atom/,
//   /feed.json, and the same under /tag/SLUG/ and /author/SLUG/.
// Cached like pages and invalidated by any change to a listed article ('lists').
#pragma once

#include <optional>
#include <string>

#include "feeds/feed.h"
#include "http/reader_pages.h"

namespace gazette::http {

struct FeedRequest {
  enum class Source { kSite, kTag, kAuthor };
  Source source = Source::kSite;
  std::string slug;  // the tag's or author's
  feeds::FeedFormat format = feeds::FeedFormat::kRss;
};

// The feed a request asks for, or nullopt when it asks for no feed. Pure: for the router.
std::optional<FeedRequest> ParseFeedRequest(const Request& req);
// The canonical path of a feed: "/feed/", "/tag/x/feed/atom/", "/author/y/feed.json".
std::string FeedPath(const FeedRequest& feed);

class ArticleFeeds : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;

  // The feed ParseFeedRequest finds in `req`; 404 for an unknown tag or author.
  Response Feed(const Request& req) const;

 private:
  // The items: the latest articles of `filter`, whole, with absolute URLs (from `site`, the
  // request's one snapshot of the settings).
  Result<std::vector<feeds::FeedItem>> Items(const content::SiteView& site, const content::ArticleQuery& filter) const;
  // The featured image's largest file (in its original format), or nullopt.
  std::optional<feeds::FeedImage> Image(const content::Article& article, const std::string& site_url) const;
};

}  // namespace gazette::http
