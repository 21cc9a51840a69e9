// CachedSite: the page cache in front of the reader's routes. Anonymous GETs of cacheable pages
// are served from memory with gzip/Brotli variants, ETags and 304s; everything else goes straight
// through to the route's handler.
#pragma once

#include <functional>
#include <memory>

#include "common/time.h"
#include "content/change_feed.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/page_cache.h"

namespace gazette::http {

class CachedSite {
 public:
  using Handler = std::function<Response(const Request&)>;

  // `cache` may be null: every request is then rendered (the "cache disabled" mode).
  // REQUIRES: every reference outlives this object.
  CachedSite(PageCache* cache, content::ChangeFeed& changes, Metrics& metrics, const Clock& clock)
      : cache_(cache), changes_(changes), metrics_(metrics), clock_(clock) {}

  // Answers `req` from the cache, or with `render` (whose 200s and 301s with cache tags are cached under
  // the request's CacheKey). Thread-safe.
  Response Handle(const Request& req, const Handler& render);
  // `render` behind the cache, as a route handler.
  Handler Cached(Handler render) {
    return [this, render = std::move(render)](const Request& req) { return Handle(req, render); };
  }
  // Reads the change log (Handle does so too): cached pages that changed are dropped, and a
  // change to the site's settings calls the OnSiteChange hook first. Thread-safe.
  void FollowChanges();
  // Called when the site's settings changed (an "all" change), before the cache is emptied.
  // Set before serving.
  void OnSiteChange(std::function<void()> hook) { on_site_change_ = std::move(hook); }

  // The cache key: the path plus the query parameters that can change a page (tracking
  // parameters such as utm_* and fbclid are left out, so they do not fragment the cache).
  static std::string CacheKey(const Request& req);
  // Logged-in users and API clients always get a fresh page.
  static bool BypassesCache(const Request& req);

 private:
  Result<std::int64_t> Poll();
  Response Render(const Request& req, const Handler& render);
  std::shared_ptr<const CachedPage> ToCachedPage(Response& res, std::int64_t epoch, UnixTime now) const;
  Response Serve(const Request& req, const std::string& key, const CachedPage& page) const;

  enum class Variant { kIdentity, kGzip, kBrotli };
  // True when `page` has a `variant` body (kGzip or kBrotli), which it makes on first demand and
  // adds to the cache's count for `key`; false when the page is not compressible or compressing
  // did not make it smaller. Thread-safe.
  bool Encoded(const std::string& key, const CachedPage& page, Variant variant) const;
  // The full response for one encoding of a page, headers included.
  static Response VariantResponse(const CachedPage& page, Variant variant);
  static std::shared_ptr<const std::string> SerializeHead(const CachedPage& page, Variant variant);

  PageCache* cache_;
  content::ChangeFeed& changes_;
  Metrics& metrics_;
  const Clock& clock_;
  std::function<void()> on_site_change_;
};

}  // namespace gazette::http
