// ArticleFeeds: the request becomes a FeedRequest (source, slug, format) before any service is
// called; the feed is then built as a feeds::Feed and written by feeds/writers.h.
#include "http/article_feeds.h"

#include <algorithm>

#include "common/text.h"
#include "content/authors.h"
#include "feeds/absolute_urls.h"
#include "feeds/writers.h"

namespace gazette::http {
namespace {

using feeds::FeedFormat;
using Source = FeedRequest::Source;

constexpr const char* kFeedCacheControl = "public, max-age=300, s-maxage=300, stale-while-revalidate=60";

// "feed/", "feed/rss2/", "feed/rss/", "feed", "feed/atom/", "feed.json" -> the format.
std::optional<FeedFormat> FeedSuffix(std::string_view rest) {
  if (rest == "feed/" || rest == "feed" || rest == "feed/rss2/" || rest == "feed/rss/" || rest == "feed/rss2")
    return FeedFormat::kRss;
  if (rest == "feed/atom/" || rest == "feed/atom") return FeedFormat::kAtom;
  if (rest == "feed.json" || rest == "feed/json/") return FeedFormat::kJson;
  return std::nullopt;
}

// WordPress's ?feed= values.
std::optional<FeedFormat> FeedQuery(std::string_view value) {
  if (value == "rss2" || value == "rss" || value == "feed" || value == "rdf") return FeedFormat::kRss;
  if (value == "atom") return FeedFormat::kAtom;
  if (value == "json") return FeedFormat::kJson;
  return std::nullopt;
}

}  // namespace

std::optional<FeedRequest> ParseFeedRequest(const Request& req) {
  const std::string_view path = req.path;
  FeedRequest f;
  if (auto wp = req.Query("feed")) {
    auto format = FeedQuery(*wp);
    if (!format) return std::nullopt;
    f.format = *format;
    // "/?feed=rss2&tag=x", "/?feed=rss2&author_name=y", or the archive's own "?feed=".
    if (path == "/") {
      if (auto tag = req.Query("tag")) return FeedRequest{Source::kTag, *tag, f.format};
      if (auto author = req.Query("author_name")) return FeedRequest{Source::kAuthor, *author, f.format};
      return f;
    }
  }
  for (auto [prefix, source] : {std::pair{std::string_view("/tag/"), Source::kTag}, {"/author/", Source::kAuthor}}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view rest = path.substr(prefix.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) return std::nullopt;
    const std::string_view tail = rest.substr(slash + 1);
    std::optional<FeedFormat> format = FeedSuffix(tail);
    if (!format && tail.empty() && req.Query("feed")) format = f.format;
    if (!format) return std::nullopt;
    return FeedRequest{source, std::string(rest.substr(0, slash)), *format};
  }
  if (path.size() < 2) return std::nullopt;
  auto format = FeedSuffix(path.substr(1));
  if (!format) return std::nullopt;
  f.format = *format;
  return f;
}

std::string FeedPath(const FeedRequest& feed) {
  const std::string base = feed.source == Source::kTag      ? "/tag/" + feed.slug + "/"
                           : feed.source == Source::kAuthor ? "/author/" + feed.slug + "/"
                                                            : "/";
  return feeds::FeedPathUnder(base, feed.format);
}

Response ArticleFeeds::Feed(const Request& req) const {
  const auto request = ParseFeedRequest(req);
  if (!request || !text::IsValidUtf8(request->slug)) return NotFound();
  const auto site = d_.site.Current();
  const content::SiteSettings& s = site->settings;
  feeds::Feed feed;
  content::ArticleQuery filter;
  filter.limit = s.feed_items;
  std::string home = "/";
  feed.title = s.title;
  feed.description = s.description;
  if (request->source == Source::kTag) {
    auto tag = d_.articles.GetTag(request->slug);
    if (!tag) return Failed(tag.error());
    filter.tag_slug = tag->slug;
    home = "/tag/" + tag->slug + "/";
    feed.title = tag->name + " | " + s.title;
    feed.description = "Articles tagged " + tag->name + " on " + s.title;
  } else if (request->source == Source::kAuthor) {
    auto author = d_.articles.GetAuthor(request->slug);
    if (!author) return Failed(author.error());
    if (author->published == 0) return NotFound();  // credited on drafts only: not public yet
    filter.author_slug = author->author.slug;
    home = content::AuthorPath(author->author);
    feed.title = author->author.name + " | " + s.title;
    feed.description = "Articles by " + author->author.name + " on " + s.title;
  }
  auto items = Items(*site, filter);
  if (!items) return Failed(items.error());
  if (request->source == Source::kTag && items->empty()) return NotFound();  // a tag of drafts only
  feed.items = std::move(*items);
  feed.language = s.language;
  feed.home_url = s.url + text::EncodePath(home);
  feed.self_url = s.url + text::EncodePath(FeedPath(*request));
  feed.hub_url = s.websub_hub;
  feed.icon_url = s.url + "/favicon.ico";
  for (const auto& item : feed.items) feed.updated = std::max(feed.updated, item.updated);

  Response r;
  r.content_type = feeds::ContentType(request->format);
  r.body = feeds::Write(feed, request->format);
  r.Header("Cache-Control", kFeedCacheControl);
  r.Header("X-Content-Type-Options", "nosniff");
  if (!s.websub_hub.empty()) {
    // WebSub discovery by HTTP headers (the spec's first choice), as well as in the document.
    r.Header("Link", "<" + s.websub_hub + ">; rel=\"hub\", <" + feed.self_url + ">; rel=\"self\"");
  }
  r.route = "feed";
  r.cache_tags = {"lists"};
  return r;
}

Result<std::vector<feeds::FeedItem>> ArticleFeeds::Items(const content::SiteView& site,
                                                         const content::ArticleQuery& filter) const {
  const content::SiteSettings& s = site.settings;
  auto list = d_.articles.ListPublished(1, filter.limit, filter);
  if (!list) return list.error();
  std::vector<feeds::FeedItem> items;
  for (const auto& summary : list->items) {
    auto a = d_.articles.Get(summary.id);
    if (!a && a.error().code == ErrorCode::kNotFound) continue;  // deleted since the list was read
    if (!a) return a.error();
    feeds::FeedItem item;
    item.id = s.url + "/?p=" + std::to_string(a->id);
    item.url = s.url + text::EncodePath(site.permalink.PathFor(*a));
    item.title = a->title;
    item.summary = a->excerpt;
    if (s.feed_full_content) item.content_html = feeds::AbsoluteUrls(a->html, item.url);
    item.published = a->published_at;
    item.updated = content::LastEdited(*a);
    for (const auto& author : a->authors) item.authors.push_back({author.name, s.url + content::AuthorPath(author)});
    for (const auto& tag : a->tags) item.tags.push_back(tag.name);
    if (auto image = Image(*a, s.url)) item.images.push_back(std::move(*image));
    items.push_back(std::move(item));
  }
  return items;
}

std::optional<feeds::FeedImage> ArticleFeeds::Image(const content::Article& article,
                                                    const std::string& site_url) const {
  if (!article.featured_image) return std::nullopt;
  auto item = d_.media.FindById(article.featured_image->media_id);
  if (!item) return std::nullopt;  // a missing image leaves the item without one
  const media::Variant* v = media::Largest(*item, item->mime);
  if (!v) v = media::Largest(*item);
  if (!v) return std::nullopt;
  const int height = item->width > 0 ? v->width * item->height / item->width : 0;
  return feeds::FeedImage{site_url + "/media/" + v->file, v->mime, v->width, height};
}

}  // namespace gazette::http
