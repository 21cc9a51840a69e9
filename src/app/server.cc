// Server: building the parts in dependency order, and the one route table.
#include "app/server.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "app/newsroom_server.h"
#include "app/site.h"
#include "comments/comment_worker.h"
#include "comments/form_token.h"
#include "common/text.h"
#include "content/live_settings.h"
#include "feeds/websub.h"
#include "http/access_log.h"
#include "http/article_feeds.h"
#include "http/article_pages.h"
#include "http/cached_site.h"
#include "http/comment_endpoint.h"
#include "http/comment_feed.h"
#include "http/content_api.h"
#include "http/metrics.h"
#include "http/oembed.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "http/search_pages.h"
#include "http/sitemaps.h"
#include "http/static_files.h"
#include "http/webhook_client.h"
#include "http/wp_rest.h"
#include "newsroom/article_webhooks.h"
#include "storage/sqlite/article_event_store.h"
#include "storage/sqlite/change_feed_store.h"
#include "themes/renderer.h"

namespace gazette::app {

// Declared in the order they are built; destroyed in reverse, so the HTTP server stops first and
// the site closes last.
struct Server::Parts {
  ServerConfig config;
  std::unique_ptr<Site> site;
  std::unique_ptr<content::LiveSettings> live;
  std::unique_ptr<themes::Renderer> renderer;
  std::unique_ptr<comments::FormTokenSigner> tokens;
  // The reader's handlers, one per kind of page.
  std::unique_ptr<http::ArticlePages> article_pages;
  std::unique_ptr<http::ArticleFeeds> article_feeds;
  std::unique_ptr<http::CommentEndpoint> comment_endpoint;
  std::unique_ptr<http::CommentFeed> comment_feed;
  std::unique_ptr<http::SearchPages> search_pages;
  std::unique_ptr<http::StaticFiles> static_files;
  std::unique_ptr<http::Sitemaps> sitemaps;  // and robots.txt
  std::unique_ptr<http::OEmbedEndpoint> oembed;
  std::unique_ptr<http::ContentApi> content_api;  // /api/v1/
  std::unique_ptr<http::WpRest> wp_rest;          // /wp-json/
  http::WebhookClient webhook_client;
  std::unique_ptr<comments::CommentWorker> comment_worker;  // webhooks, IP retention
  std::unique_ptr<feeds::WebSubPublisher> websub;           // tells the hub which feeds changed
  std::unique_ptr<storage::sqlite::ArticleEventStore> article_events;
  std::unique_ptr<newsroom::ArticleWebhookSender> article_webhooks;  // article.published, ...
  std::unique_ptr<NewsroomServer> newsroom;                 // admin, Admin API, media, scheduler
  std::unique_ptr<http::AccessLog> access_log;
  http::Metrics metrics;
  std::unique_ptr<http::PageCache> cache;  // null: disabled (--cache-mb 0)
  std::unique_ptr<storage::sqlite::ChangeFeedStore> changes;
  std::unique_ptr<http::CachedSite> cached;
  std::unique_ptr<http::Router> router;
  std::unique_ptr<http::Server> http;
};

namespace {

http::Response Health(const http::Request&) {
  return http::Response::Text(200, "ok\n").Header("Cache-Control", "no-store");
}

// A handler method of one of the reader's page classes, as a router handler.
template <class Pages>
auto Bind(const Pages& pages, http::Response (Pages::*method)(const http::Request&) const) {
  return [&pages, method](const http::Request& req) { return (pages.*method)(req); };
}

// A comment's public address, for webhook payloads.
std::string CommentUrl(Site& site, const content::LiveSettings& live, const comments::Comment& c) {
  const auto now = live.Current();
  auto a = site.articles().Get(c.article_id);
  return a ? now->settings.url + text::EncodePath(now->permalink.PathFor(*a)) + "#comment-" + std::to_string(c.id)
           : now->settings.url + "/";
}

}  // namespace

// Every request Gazette answers, in the order the routes are tried. Reader routes go through the
// page cache (which stores only anonymous GETs of 200s, and 301s, that carry cache tags); the newsroom's
// never do, but read the change log first so that they act on the current settings.
void Server::BuildRoutes(Parts& p) {
  http::CachedSite& cached = *p.cached;
  NewsroomServer& newsroom = *p.newsroom;
  auto page = [&cached](http::Router::Handler handler) { return cached.Cached(std::move(handler)); };
  auto fresh = [&](http::Router::Handler handler) {
    return [&cached, handler = std::move(handler)](const http::Request& req) {
      cached.FollowChanges();
      return handler(req);
    };
  };
  using namespace http;
  const ArticlePages& articles = *p.article_pages;
  const std::vector<std::string> get = {"GET"}, post = {"POST"}, any = {};
  p.router = std::make_unique<Router>([&articles](const Request& req) { return articles.Failure(req); });
  (*p.router)
      .Exact("/healthz", get, "health", Health)
      .Exact("/metrics", get, "metrics",
             [&p](const http::Request&) {
               const http::PageCacheStats stats = p.cache ? p.cache->Stats() : http::PageCacheStats{};
               http::Response r = http::Response::Text(200, p.metrics.Exposition(p.cache ? &stats : nullptr));
               r.content_type = "text/plain; version=0.0.4; charset=utf-8";
               r.Header("Cache-Control", "no-store");
               return r;
             })
      // The newsroom: never cached.
      .Under("/admin", any, "admin", fresh([&newsroom](const http::Request& req) { return newsroom.Admin(req); }))
      .Under("/api/admin", any, "admin_api", fresh([&newsroom](const http::Request& req) { return newsroom.Api(req); }))
      .Under("/media/", any, "media", fresh([&newsroom](const http::Request& req) { return newsroom.MediaFile(req); }))
      // Readers.
      .Exact("/comments", post, "comment_post", page(Bind(*p.comment_endpoint, &CommentEndpoint::PostComment)))
      .Exact("/comments/token", get, "comment_token", page(Bind(*p.comment_endpoint, &CommentEndpoint::CommentToken)))
      .Under("/comments/feed/", get, "comment_feed", page(Bind(*p.comment_feed, &CommentFeed::Feed)))
      .Exact("/search", get, "search", page(Bind(*p.search_pages, &SearchPages::SearchPage)))
      .Exact("/search.json", get, "search", page(Bind(*p.search_pages, &SearchPages::SearchJson)))
      .Exact("/related.json", get, "related", page(Bind(*p.search_pages, &SearchPages::RelatedJson)))
      .Under("/static/", get, "static", page(Bind(*p.static_files, &StaticFiles::File)))
      // Feeds of articles: /feed/, /feed/atom/, /feed.json, under /tag/SLUG/ and /author/SLUG/, ?feed=rss2.
      .When(
          "*/feed/ | */feed/atom/ | */feed.json | ?feed=",
          [](const Request& req) { return ParseFeedRequest(req).has_value(); }, get, "feed",
          page(Bind(*p.article_feeds, &ArticleFeeds::Feed)))
      .Exact("/favicon.ico", get, "static", page(Bind(*p.static_files, &StaticFiles::Favicon)))
      // Crawlers and link unfurlers.
      .Exact("/robots.txt", get, "robots", page(Bind(*p.sitemaps, &Sitemaps::Robots)))
      .Exact("/sitemap.xml", get, "sitemap", page(Bind(*p.sitemaps, &Sitemaps::Index)))
      .Starting("/sitemap-", get, "sitemap", page(Bind(*p.sitemaps, &Sitemaps::Child)))
      .Exact("/news-sitemap.xml", get, "news_sitemap", page(Bind(*p.sitemaps, &Sitemaps::News)))
      .Exact("/oembed", get, "oembed", page(Bind(*p.oembed, &OEmbedEndpoint::Embed)))
      // The public read-only APIs: GET through the page cache, OPTIONS for CORS preflights.
      .Under("/api/v1/", any, "content_api", page(Bind(*p.content_api, &ContentApi::Handle)))
      .Under("/wp-json", any, "wp_rest", page(Bind(*p.wp_rest, &WpRest::Handle)))
      // Home, archives, articles, and the redirects of moved addresses.
      .Otherwise(get, "page", page(Bind(articles, &ArticlePages::Page)));
}

Status Server::Build(Parts& p, bool serving) {
  auto site = Site::Open(p.config.db, false);
  if (!site) return site.error();
  p.site = std::move(*site);
  Site& s = *p.site;
  auto live = content::LiveSettings::Load(s.settings_store());
  if (!live) return live.error();
  p.live = std::move(*live);
  const std::string theme_dir = p.config.theme_dir.empty() ? FindResource("themes/default") : p.config.theme_dir;
  auto renderer = themes::Renderer::Load(theme_dir);
  if (!renderer) return renderer.error();
  p.renderer = std::move(*renderer);
  p.config.theme_dir = theme_dir;
  auto secret = s.Secret();
  if (!secret) return secret.error();
  p.tokens = std::make_unique<comments::FormTokenSigner>(*secret, static_cast<UnixTime>(p.config.token_hours) * 3600);
  const http::ReaderDeps reader{*p.live,        s.articles(), s.comments(),
                                s.related(),    s.search(),   *p.renderer,
                                *p.tokens,      s.clock(),    themes::Renderer::StaticDir(theme_dir),
                                s.media_store(), s.redirects()};
  p.article_pages = std::make_unique<http::ArticlePages>(reader);
  p.article_feeds = std::make_unique<http::ArticleFeeds>(reader);
  p.comment_endpoint = std::make_unique<http::CommentEndpoint>(reader, *p.article_pages);
  p.comment_feed = std::make_unique<http::CommentFeed>(reader);
  p.search_pages = std::make_unique<http::SearchPages>(reader);
  p.static_files = std::make_unique<http::StaticFiles>(reader);
  p.sitemaps = std::make_unique<http::Sitemaps>(reader);
  p.oembed = std::make_unique<http::OEmbedEndpoint>(reader);
  p.content_api = std::make_unique<http::ContentApi>(reader);
  p.wp_rest = std::make_unique<http::WpRest>(reader);

  if (serving) {
  p.comment_worker = std::make_unique<comments::CommentWorker>(
      s.comment_store(), s.webhook_outbox(), p.webhook_client, s.settings_store(), s.clock(),
      [&s, &live = *p.live](const comments::Comment& c) { return CommentUrl(s, live, c); });
  p.comment_worker->Start();
  p.websub = std::make_unique<feeds::WebSubPublisher>(
      s.websub_queue(), s.article_store(), s.settings_store(), s.clock(),
      [&client = p.webhook_client](const std::string& url, const std::string& body, const auto& headers) {
        return client.Post(url, body, headers);
      });
  p.websub->Start();
  p.article_events = std::make_unique<storage::sqlite::ArticleEventStore>(s.db());
  p.article_webhooks = std::make_unique<newsroom::ArticleWebhookSender>(
      *p.article_events, s.article_store(), *p.live, s.settings_store(), p.webhook_client, s.clock());
  p.article_webhooks->Start();
  }
  auto newsroom = NewsroomServer::Start(s, *p.live, serving);
  if (!newsroom) return newsroom.error();
  p.newsroom = std::move(*newsroom);
  p.config.http.upload_paths = NewsroomServer::UploadPaths();

  if (!serving) p.config.cache_mb = 0;
  auto access_log = http::AccessLog::Open(p.config.access_log, p.config.access_log_file);
  if (!access_log) return access_log.error();
  p.access_log = std::move(*access_log);
  if (p.config.cache_mb > 0)
    p.cache = std::make_unique<http::PageCache>(p.config.cache_mb << 20, std::chrono::seconds(p.config.cache_max_age));
  p.changes = std::make_unique<storage::sqlite::ChangeFeedStore>(s.db(), s.clock());
  p.cached = std::make_unique<http::CachedSite>(p.cache.get(), *p.changes, p.metrics, s.clock());
  // A settings change from any process (the admin, `gazette settings set`) reaches this server
  // through the change log.
  p.cached->OnSiteChange([&live = *p.live] {
    if (auto st = live.Reload(); !st) spdlog::error("reloading the site settings: {}", st.error().message);
  });
  BuildRoutes(p);
  if (!serving) return Status::Ok();

  auto observer = [&p](const http::Request& req, const std::string& method, const http::Response& res,
                       std::size_t bytes) {
    p.metrics.CountRequest(res.route, res.status);
    p.access_log->Record(req, method, res, bytes);
  };
  auto bound = http::Server::Bind(
      p.config.http, [&router = *p.router](const http::Request& req) { return router.Handle(req); }, observer);
  if (!bound) return bound.error();
  p.http = std::move(*bound);
  return Status::Ok();
}

Result<std::unique_ptr<Server>> Server::Start(ServerConfig config) {
  auto parts = std::make_unique<Parts>();
  parts->config = std::move(config);
  if (auto st = Build(*parts, true); !st) return st.error();
  return std::unique_ptr<Server>(new Server(std::move(parts)));
}

Result<std::unique_ptr<Server>> Server::Open(ServerConfig config) {
  auto parts = std::make_unique<Parts>();
  parts->config = std::move(config);
  parts->config.access_log = "off";
  if (auto st = Build(*parts, false); !st) return st.error();
  return std::unique_ptr<Server>(new Server(std::move(parts)));
}

http::Response Server::Handle(const http::Request& req) const { return p_->router->Handle(req); }
Site& Server::site() { return *p_->site; }
std::string Server::SiteUrl() const {
  std::string url = p_->live->Current()->settings.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}
std::string Server::StaticDir() const { return themes::Renderer::StaticDir(p_->config.theme_dir); }

Server::Server(std::unique_ptr<Parts> parts) : p_(std::move(parts)) {}
Server::~Server() = default;

std::uint16_t Server::port() const { return p_->http ? p_->http->port() : 0; }
void Server::Run() {
  if (p_->http) p_->http->Run();
}
std::vector<std::string> Server::Routes() const { return p_->router->Describe(); }

}  // namespace gazette::app
