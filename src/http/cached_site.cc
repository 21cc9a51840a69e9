// CachedSite: change-feed polling, the cache key, and serving a cached page with content
// negotiation and conditional requests.
#include "http/cached_site.h"

#include <boost/beast/http/status.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

#include "common/fnv1a.h"
#include "common/text.h"
#include "http/compression.h"

namespace gazette::http {
namespace {

bool IsTrackingParameter(const std::string& name) {
  return name.starts_with("utm_") || name == "fbclid" || name == "gclid" || name == "msclkid" || name == "mc_cid" ||
         name == "mc_eid" || name == "_ga" || name == "igshid";
}

bool Compressible(const std::string& type) {
  return type.starts_with("text/") || type.starts_with("application/json") || type.starts_with("application/xml") ||
         type.starts_with("application/rss+xml") || type.starts_with("application/atom+xml") ||
         type.starts_with("application/feed+json") || type.starts_with("image/svg+xml") ||
         type.starts_with("text/javascript");
}

// True when an If-None-Match list names `etag` (weak comparison, as RFC 9110 asks for here).
bool EtagMatches(std::string_view header, std::string_view etag) {
  if (text::Trim(header) == "*") return true;
  for (auto item : text::SplitTrimmed(header, ',')) {
    std::string_view tag = item;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    // Our variants are "HASH", "HASH-gz" and "HASH-br": all name the same page version.
    const std::string_view base = etag.substr(0, etag.size() - 1);
    if (tag.starts_with(base) &&
        (tag.size() == etag.size() || tag.substr(base.size()) == "-gz\"" || tag.substr(base.size()) == "-br\""))
      return true;
  }
  return false;
}

}  // namespace

std::string CachedSite::CacheKey(const Request& req) {
  std::string key = req.path;
  char sep = '?';
  for (const auto& [name, value] : req.query) {  // a multimap: already sorted by name
    if (IsTrackingParameter(name)) continue;
    key += sep;
    key += name;
    key += '=';
    key += value;
    sep = '\x1f';  // cannot appear in a decoded parameter that we key on ambiguously
  }
  return key;
}

bool CachedSite::BypassesCache(const Request& req) {
  if (!req.Header("authorization").empty()) return true;
  return req.Header("cookie").find("gazette_session=") != std::string_view::npos;
}

Result<std::int64_t> CachedSite::Poll() {
  return changes_.Poll([this](const content::Change& c) {
    if (c.resync) metrics_.CountChangeLogResync();
    if (c.tag == "all" && on_site_change_) on_site_change_();
    if (cache_) cache_->Invalidate(c.tag, c.seq);
  });
}

void CachedSite::FollowChanges() {
  if (auto polled = Poll(); !polled) spdlog::warn("change feed unavailable: {}", polled.error().message);
}

Response CachedSite::Handle(const Request& req, const Handler& render) {
  // Every request reads the change log (cheap when nothing changed), so that new settings reach
  // uncached requests too.
  auto polled = Poll();
  if (!cache_ || req.method != "GET" || BypassesCache(req)) return Render(req, render);
  if (!polled) {
    // Without the change log we cannot know what is stale: serve fresh pages until it is back.
    spdlog::warn("change feed unavailable, bypassing the page cache: {}", polled.error().message);
    return Render(req, render);
  }
  const std::int64_t epoch = *polled;

  const UnixTime now = clock_.Now();
  Response uncached;
  const std::string key = CacheKey(req);
  auto page = cache_->GetOrRender(key, now, [&]() -> std::shared_ptr<const CachedPage> {
    Response res = Render(req, render);
    // A tagged 301 (a stored redirect) is kept too: its tags say when it goes stale.
    if ((res.status != 200 && res.status != 301) || res.cache_tags.empty()) {
      uncached = std::move(res);
      return nullptr;
    }
    return ToCachedPage(res, epoch, now);
  });
  if (!page) return uncached;
  return Serve(req, key, *page);
}

Response CachedSite::Render(const Request& req, const Handler& render) {
  const auto started = std::chrono::steady_clock::now();
  Response res = render(req);
  metrics_.ObserveRender(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return res;
}

std::shared_ptr<const CachedPage> CachedSite::ToCachedPage(Response& res, std::int64_t epoch, UnixTime now) const {
  auto page = std::make_shared<CachedPage>();
  page->status = res.status;
  page->content_type = res.content_type;
  page->route = res.route;
  for (auto& [name, value] : res.headers) {
    if (name == "Cache-Control")
      page->cache_control = value;
    else
      page->headers.emplace_back(name, value);
  }
  res.body.shrink_to_fit();  // rendering grew it by doubling: do not cache the slack
  auto identity = std::make_shared<const std::string>(std::move(res.body));
  // Compressed on first demand (Encoded), not here: memory goes only to encodings readers use.
  page->compressible = Compressible(page->content_type) && identity->size() > 256;
  page->etag = "\"" + Fnv1a().Add(*identity).Hex() + "\"";
  page->identity = std::move(identity);
  page->last_modified = FormatHttpDate(now);
  page->rendered_at = now;
  page->tags = std::move(res.cache_tags);
  page->epoch = epoch;
  page->identity_head = SerializeHead(*page, Variant::kIdentity);
  return page;
}

bool CachedSite::Encoded(const std::string& key, const CachedPage& page, Variant variant) const {
  if (!page.compressible) return false;
  EncodedVariant& v = variant == Variant::kBrotli ? page.brotli : page.gzip;
  if (!v.made.load(std::memory_order_acquire)) {
    std::lock_guard lock(page.encoding);
    if (!v.made.load(std::memory_order_relaxed)) {
      std::string z = variant == Variant::kBrotli ? Brotli(*page.identity) : Gzip(*page.identity);
      if (!z.empty() && z.size() < page.identity->size()) {
        v.body = std::make_shared<const std::string>(std::move(z));
        v.head = SerializeHead(page, variant);
      }
      v.made.store(true, std::memory_order_release);
      if (cache_ && v.body) cache_->Grow(key, &page, v.Bytes());
    }
  }
  return v.body != nullptr;
}

Response CachedSite::VariantResponse(const CachedPage& page, Variant variant) {
  Response res;
  res.content_type = page.content_type;
  res.route = page.route;
  res.headers = page.headers;
  if (!page.cache_control.empty()) res.Header("Cache-Control", page.cache_control);
  if (page.compressible) res.Header("Vary", "Accept-Encoding");
  res.Header("Last-Modified", page.last_modified);
  std::string etag = page.etag;
  if (variant == Variant::kBrotli) {
    res.shared_body = page.brotli.body;
    res.raw_head = page.brotli.head;
    res.Header("Content-Encoding", "br");
    etag.insert(etag.size() - 1, "-br");
  } else if (variant == Variant::kGzip) {
    res.shared_body = page.gzip.body;
    res.raw_head = page.gzip.head;
    res.Header("Content-Encoding", "gzip");
    etag.insert(etag.size() - 1, "-gz");
  } else {
    res.shared_body = page.identity;
    res.raw_head = page.identity_head;
  }
  res.Header("ETag", etag);
  return res;
}

std::shared_ptr<const std::string> CachedSite::SerializeHead(const CachedPage& page, Variant variant) {
  const Response res = VariantResponse(page, variant);
  const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(page.status));
  std::string head = "HTTP/1.1 " + std::to_string(page.status) + " " + std::string(reason) +
                     "\r\nServer: Gazette\r\nContent-Type: " + page.content_type + "\r\n";
  for (const auto& [name, value] : res.headers) head += name + ": " + value + "\r\n";
  head += "Content-Length: " + std::to_string(res.shared_body->size()) + "\r\n\r\n";
  head.shrink_to_fit();  // kept as long as the page is cached
  return std::make_shared<const std::string>(std::move(head));
}

Response CachedSite::Serve(const Request& req, const std::string& key, const CachedPage& page) const {
  const AcceptedEncodings accepted = ParseAcceptEncoding(req.Header("accept-encoding"));
  const Variant variant = accepted.brotli && Encoded(key, page, Variant::kBrotli) ? Variant::kBrotli
                          : accepted.gzip && Encoded(key, page, Variant::kGzip)   ? Variant::kGzip
                                                                                  : Variant::kIdentity;
  const std::string_view inm = req.Header("if-none-match");
  if (inm.empty() && req.Header("if-modified-since").empty() && req.keep_alive && req.version == 11 && !req.head) {
    // The common case: the whole response was prepared when the page was cached.
    Response res;
    res.route = page.route;
    const EncodedVariant* v = variant == Variant::kBrotli ? &page.brotli
                              : variant == Variant::kGzip ? &page.gzip
                                                          : nullptr;
    res.shared_body = v ? v->body : page.identity;
    res.raw_head = v ? v->head : page.identity_head;
    return res;
  }
  Response res = VariantResponse(page, variant);
  res.raw_head.reset();

  bool not_modified = false;
  if (!inm.empty()) {
    not_modified = EtagMatches(inm, page.etag);
  } else if (auto since = ParseHttpDate(req.Header("if-modified-since"))) {
    not_modified = page.rendered_at <= *since;
  }
  if (not_modified) {
    res.status = 304;
    res.shared_body.reset();
    std::erase_if(res.headers, [](const auto& h) { return h.first == "Content-Encoding"; });
  }
  return res;
}

}  // namespace gazette::http
