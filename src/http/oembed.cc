// oEmbed (https://oembed.com, 1.0): the request's `url` becomes a path on this site (or nothing)
// here; the answer is built with nlohmann-json.
#include "http/oembed.h"

#include <boost/url/parse.hpp>
#include <nlohmann/json.hpp>

#include <limits>

#include "common/numbers.h"
#include "common/text.h"
#include "content/authors.h"

namespace gazette::http {
namespace {

// How long a consumer may keep an answer: an unfurled link's headline and image rarely change.
constexpr int kCacheAgeSeconds = 3600;

Response Refusal(int status, std::string message) {
  Response r = Response::Text(status, std::move(message));
  r.Header("Cache-Control", "no-store");
  r.route = "oembed";
  return r;
}

// The decoded path of `url` below the site's base address `site_url` (same scheme, host and
// port; the host in any case), or nullopt for an address elsewhere or one that does not parse.
std::optional<std::string> PathOnSite(std::string_view url, std::string_view site_url) {
  auto u = boost::urls::parse_uri(boost::urls::string_view(url.data(), url.size()));  // a fragment allowed
  auto base = boost::urls::parse_absolute_uri(boost::urls::string_view(site_url.data(), site_url.size()));
  if (!u || !base) return std::nullopt;
  if (text::AsciiLower(u->scheme()) != text::AsciiLower(base->scheme()) ||
      text::AsciiLower(u->encoded_host()) != text::AsciiLower(base->encoded_host()) || u->port() != base->port())
    return std::nullopt;
  std::string path = u->path();
  const std::string prefix = base->path();  // "" unless the site lives under a folder
  if (!path.starts_with(prefix) || path.size() == prefix.size() || path[prefix.size()] != '/') return std::nullopt;
  return path.substr(prefix.size());
}

// A bound from the query (maxwidth, maxheight): no bound when absent or not a positive number.
int Bound(const Request& req, const std::string& name) {
  const auto v = ParseInteger<int>(req.Query(name).value_or(""));
  return v && *v > 0 ? *v : std::numeric_limits<int>::max();
}

// The largest file of the image's own format that fits the bounds, or null.
const media::Variant* Thumbnail(const media::MediaItem& item, int max_width, int max_height) {
  const media::Variant* largest = media::Largest(item);
  const media::Variant* best = nullptr;
  for (const auto& v : item.variants)
    if (largest && v.mime == largest->mime && v.width <= max_width && media::HeightOf(item, v) <= max_height &&
        (!best || v.width > best->width))
      best = &v;
  return best;
}

}  // namespace

Response OEmbedEndpoint::Embed(const Request& req) const {
  const std::string url = req.Query("url").value_or("");
  if (url.empty()) return Refusal(400, "Ask with ?url= and the address of an article.\n");
  if (req.Query("format").value_or("json") != "json") return Refusal(501, "Only format=json is offered.\n");
  const auto site = d_.site.Current();
  const auto path = PathOnSite(url, site->settings.url);
  const auto match = path ? site->permalink.Match(*path) : std::nullopt;
  if (!match) return Refusal(404, "No article of this site has that address.\n");
  auto article = PublishedArticle(*match);
  if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
  if (!article || !site->permalink.Agrees(*match, *article))
    return Refusal(404, "No article of this site has that address.\n");

  nlohmann::json body = {{"version", "1.0"},
                         {"type", "link"},
                         {"title", article->title},
                         {"author_name", article->author},
                         {"provider_name", site->settings.title},
                         {"provider_url", site->settings.url + "/"},
                         {"cache_age", kCacheAgeSeconds}};
  // oEmbed has one author_url: the first author's page (author_name is the whole byline).
  if (!article->authors.empty() && !article->authors.front().slug.empty())
    body["author_url"] = site->settings.url + content::AuthorPath(article->authors.front());
  if (article->featured_image) {
    auto item = FeaturedMedia(*article->featured_image);
    if (!item) return Failed(item.error());
    if (const media::Variant* v =
            *item ? Thumbnail(**item, Bound(req, "maxwidth"), Bound(req, "maxheight")) : nullptr) {
      body["thumbnail_url"] = site->settings.url + "/media/" + v->file;
      body["thumbnail_width"] = v->width;
      body["thumbnail_height"] = media::HeightOf(**item, *v);
    }
  }
  Response r;
  r.content_type = "application/json; charset=utf-8";
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  r.Header("Cache-Control", kPageCacheControl);
  r.route = "oembed";
  r.cache_tags = {"article:" + std::to_string(article->id)};  // its title, byline or image may change
  return r;
}

}  // namespace gazette::http
