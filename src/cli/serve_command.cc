// `gazette serve`: parses the options; app::Server builds and runs everything.
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/server.h"
#include "cli/commands.h"
#include "common/numbers.h"

namespace gazette::cli {
namespace {

struct ServeOptions {
  app::ServerConfig config;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::string log_level = "info";
};

Status ParseListen(const std::string& listen, http::ServerOptions& out) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return Error::Invalid("--listen wants ADDRESS:PORT, e.g. 127.0.0.1:8080");
  const int port = ParseInteger<int>(std::string_view(listen).substr(colon + 1)).value_or(-1);
  if (port < 0 || port > 65535) return Error::Invalid("Not a port number in --listen: " + listen);
  out.address = listen.substr(0, colon);
  if (out.address.size() > 2 && out.address.front() == '[') out.address = out.address.substr(1, out.address.size() - 2);
  out.port = static_cast<std::uint16_t>(port);
  return Status::Ok();
}

int RunServe(ServeOptions& o) {
  spdlog::set_level(spdlog::level::from_str(o.log_level));
  if (auto st = ParseListen(o.listen, o.config.http); !st) return Fail(st.error().message);
  o.config.http.threads = o.threads;
  auto server = app::Server::Start(o.config);
  if (!server) return Fail(server.error().message);
  std::cout << "Gazette serving http://" << o.config.http.address << ":" << (*server)->port() << "/ from "
            << o.config.db << std::endl;
  (*server)->Run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

void AddServe(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the site over HTTP");
  AddDbOption(*cmd, o->config.db);
  cmd->add_option("--listen", o->listen, "ADDRESS:PORT to listen on (port 0: any free port)")
      ->envname("GAZETTE_LISTEN")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Server threads (0: one per core)")->envname("GAZETTE_THREADS");
  cmd->add_option("--theme-dir", o->config.theme_dir, "Theme folder (default: themes/default shipped with Gazette)")
      ->envname("GAZETTE_THEME_DIR");
  cmd->add_option("--comment-token-hours", o->config.token_hours, "How long a comment form stays valid")
      ->check(CLI::Range(1, 24 * 30))
      ->capture_default_str();
  cmd->add_option("--max-body-bytes", o->config.http.max_body_bytes, "Largest request body accepted (else 413)")
      ->capture_default_str();
  cmd->add_option("--max-header-bytes", o->config.http.max_header_bytes, "Largest request header accepted (else 431)")
      ->capture_default_str();
  cmd->add_option("--read-timeout", o->config.http.read_timeout_seconds, "Seconds to receive a request")
      ->capture_default_str();
  cmd->add_option("--idle-timeout", o->config.http.idle_timeout_seconds, "Seconds a keep-alive connection may idle")
      ->capture_default_str();
  cmd->add_option("--cache-mb", o->config.cache_mb, "Memory for the page cache in MiB (0 disables it)")
      ->envname("GAZETTE_CACHE_MB")
      ->capture_default_str();
  cmd->add_option("--cache-max-age", o->config.cache_max_age, "Seconds before a cached page is rendered again")
      ->check(CLI::Range(1, 24 * 3600))
      ->capture_default_str();
  cmd->add_option("--max-connections", o->config.http.max_connections, "Open connections allowed at once")
      ->capture_default_str();
  cmd->add_option("--access-log", o->config.access_log, "off, combined or json")
      ->check(CLI::IsMember({"off", "combined", "json"}))
      ->envname("GAZETTE_ACCESS_LOG")
      ->capture_default_str();
  cmd->add_option("--access-log-file", o->config.access_log_file, "Where the access log goes (- for stdout)")
      ->capture_default_str();
  cmd->add_option("--log-level", o->log_level, "trace, debug, info, warn, error")
      ->envname("GAZETTE_LOG_LEVEL")
      ->capture_default_str();
  cmd->callback([o, exit_code] { *exit_code = RunServe(*o); });
}

}  // namespace gazette::cli
