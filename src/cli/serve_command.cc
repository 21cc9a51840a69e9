// `gazette serve`: run the public site over HTTP.
#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "cli/newsroom_server.h"
#include "comments/form_token.h"
#include "content/live_settings.h"
#include "comments/comment_worker.h"
#include "common/text.h"
#include "http/access_log.h"
#include "http/cached_site.h"
#include "http/metrics.h"
#include "http/page_cache.h"
#include "http/reader_site.h"
#include "storage/sqlite/change_feed_store.h"
#include "http/server.h"
#include "http/webhook_client.h"
#include "themes/renderer.h"

namespace gazette::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string theme_dir;
  int threads = 0;
  int token_hours = 48;
  std::string log_level = "info";
  std::size_t cache_mb = 64;
  int cache_max_age = 1800;
  std::string access_log = "combined";
  std::string access_log_file = "-";
  http::ServerOptions server;
};

Status ParseListen(const std::string& listen, http::ServerOptions& out) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return Error::Invalid("--listen wants ADDRESS:PORT, e.g. 127.0.0.1:8080");
  int port = -1;
  const char* begin = listen.data() + colon + 1;
  auto [p, ec] = std::from_chars(begin, listen.data() + listen.size(), port);
  if (ec != std::errc() || p != listen.data() + listen.size() || port < 0 || port > 65535)
    return Error::Invalid("Not a port number in --listen: " + listen);
  out.address = listen.substr(0, colon);
  if (out.address.size() > 2 && out.address.front() == '[') out.address = out.address.substr(1, out.address.size() - 2);
  out.port = static_cast<std::uint16_t>(port);
  return Status::Ok();
}

int RunServe(ServeOptions& o) {
  spdlog::set_level(spdlog::level::from_str(o.log_level));
  if (auto st = ParseListen(o.listen, o.server); !st) return Fail(st.error().message);
  o.server.threads = o.threads;
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto live = content::LiveSettings::Load(site->settings_store());
  if (!live) return Fail(live.error().message);
  const std::string theme_dir = o.theme_dir.empty() ? app::FindResource("themes/default") : o.theme_dir;
  auto renderer = themes::Renderer::Load(theme_dir);
  if (!renderer) return Fail(renderer.error().message);
  auto secret = site->Secret();
  if (!secret) return Fail(secret.error().message);
  comments::FormTokenSigner tokens(*secret, static_cast<UnixTime>(o.token_hours) * 3600);

  http::ReaderSite reader({**live, site->articles(), site->comments(), site->related(),
                           site->search(), **renderer, tokens, site->clock(), themes::Renderer::StaticDir(theme_dir),
                           site->media_store()});

  // Webhook delivery and the clearing of old IP addresses run beside the server.
  http::WebhookClient webhook_client;
  comments::CommentWorker comment_worker(
      site->comment_store(), site->webhook_outbox(), webhook_client, site->settings_store(), site->clock(),
      [&](const comments::Comment& c) {
        const auto now = (*live)->Current();
        auto a = site->articles().Get(c.article_id);
        return a ? now->settings.url + text::EncodePath(now->permalink.PathFor(*a)) + "#comment-" + std::to_string(c.id)
                 : now->settings.url + "/";
      });
  comment_worker.Start();

  auto newsroom = NewsroomServer::Start(*site, **live);  // /admin, /api/admin, scheduling
  if (!newsroom) return Fail(newsroom.error().message);
  o.server.upload_paths = NewsroomServer::UploadPaths();

  auto access_log = http::AccessLog::Open(o.access_log, o.access_log_file);
  if (!access_log) return Fail(access_log.error().message);
  http::Metrics metrics;
  std::unique_ptr<http::PageCache> cache;
  if (o.cache_mb > 0)
    cache = std::make_unique<http::PageCache>(o.cache_mb << 20, std::chrono::seconds(o.cache_max_age));
  storage::sqlite::ChangeFeedStore changes(site->db(), site->clock());
  http::CachedSite cached([&reader](const http::Request& req) { return reader.Handle(req); }, cache.get(), changes,
                          metrics, site->clock());
  // A settings change from any process (the admin, `gazette settings set`) reaches this server
  // through the change log.
  cached.OnSiteChange([&] {
    if (auto st = (*live)->Reload(); !st) spdlog::error("reloading the site settings: {}", st.error().message);
  });

  auto handler = [&](const http::Request& req) {
    if (req.path == "/metrics") {
      const http::PageCacheStats stats = cache ? cache->Stats() : http::PageCacheStats{};
      http::Response r = http::Response::Text(200, metrics.Exposition(cache ? &stats : nullptr));
      r.content_type = "text/plain; version=0.0.4; charset=utf-8";
      r.Header("Cache-Control", "no-store");
      r.route = "metrics";
      return r;
    }
    if (NewsroomServer::Owns(req)) {  // never cached
      cached.FollowChanges();
      return (*newsroom)->Handle(req);
    }
    return cached.Handle(req);
  };
  auto observer = [&](const http::Request& req, const std::string& method, const http::Response& res,
                      std::size_t bytes) {
    metrics.CountRequest(res.route, res.status);
    (*access_log)->Record(req, method, res, bytes);
  };
  auto server = http::Server::Bind(o.server, handler, observer);
  if (!server) return Fail(server.error().message);
  std::cout << "Gazette serving http://" << o.server.address << ":" << (*server)->port() << "/ from " << o.db
            << std::endl;
  (*server)->Run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

void AddServe(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the site over HTTP");
  AddDbOption(*cmd, o->db);
  cmd->add_option("--listen", o->listen, "ADDRESS:PORT to listen on (port 0: any free port)")
      ->envname("GAZETTE_LISTEN")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Server threads (0: one per core)")->envname("GAZETTE_THREADS");
  cmd->add_option("--theme-dir", o->theme_dir, "Theme folder (default: themes/default shipped with Gazette)")
      ->envname("GAZETTE_THEME_DIR");
  cmd->add_option("--comment-token-hours", o->token_hours, "How long a comment form stays valid")
      ->check(CLI::Range(1, 24 * 30))
      ->capture_default_str();
  cmd->add_option("--max-body-bytes", o->server.max_body_bytes, "Largest request body accepted (else 413)")
      ->capture_default_str();
  cmd->add_option("--max-header-bytes", o->server.max_header_bytes, "Largest request header accepted (else 431)")
      ->capture_default_str();
  cmd->add_option("--read-timeout", o->server.read_timeout_seconds, "Seconds to receive a request")
      ->capture_default_str();
  cmd->add_option("--idle-timeout", o->server.idle_timeout_seconds, "Seconds a keep-alive connection may idle")
      ->capture_default_str();
  cmd->add_option("--cache-mb", o->cache_mb, "Memory for the page cache in MiB (0 disables it)")
      ->envname("GAZETTE_CACHE_MB")
      ->capture_default_str();
  cmd->add_option("--cache-max-age", o->cache_max_age, "Seconds before a cached page is rendered again")
      ->check(CLI::Range(1, 24 * 3600))
      ->capture_default_str();
  cmd->add_option("--max-connections", o->server.max_connections, "Open connections allowed at once")
      ->capture_default_str();
  cmd->add_option("--access-log", o->access_log, "off, combined or json")
      ->check(CLI::IsMember({"off", "combined", "json"}))
      ->envname("GAZETTE_ACCESS_LOG")
      ->capture_default_str();
  cmd->add_option("--access-log-file", o->access_log_file, "Where the access log goes (- for stdout)")
      ->capture_default_str();
  cmd->add_option("--log-level", o->log_level, "trace, debug, info, warn, error")
      ->envname("GAZETTE_LOG_LEVEL")
      ->capture_default_str();
  cmd->callback([o, exit_code] { *exit_code = RunServe(*o); });
}

}  // namespace gazette::cli
