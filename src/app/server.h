// Server: the composition root of `gazette serve`. It builds everything the process runs from its
// configuration (the site over its storage, the reader and newsroom handlers, the page cache and
// change feed, the comment worker and the scheduler, the access log and metrics), routes every
// request through one table (server.cc: Routes), and owns all of their lifetimes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "http/server.h"

namespace gazette::app {

class Site;

struct ServerConfig {
  std::string db;
  std::string theme_dir;  // empty: themes/default shipped with Gazette
  int token_hours = 48;   // how long a comment form's token is accepted
  std::size_t cache_mb = 64;
  int cache_max_age = 1800;
  std::string access_log = "combined";  // off, combined or json
  std::string access_log_file = "-";
  http::ServerOptions http;
};

class Server {
 public:
  // Opens the site and binds the listening socket. kNotFound if the database does not exist,
  // kUnavailable if the theme, the database or the address cannot be used.
  static Result<std::unique_ptr<Server>> Start(ServerConfig config);
  // Opens the site as Start does, but binds no socket and starts no background work (no comment
  // worker, WebSub, webhooks or scheduler) and keeps no page cache: for answering requests
  // in-process through the same route table (`gazette export static`). Errors as Start's.
  static Result<std::unique_ptr<Server>> Open(ServerConfig config);
  ~Server();

  // Answers `req` through the route table, exactly as a request over the socket would be
  // answered (before compression and the access log). Thread-safe.
  http::Response Handle(const http::Request& req) const;
  // The site's storage and services (for commands that need more than requests).
  Site& site();
  // The site's address setting, e.g. "https://news.example" (no trailing slash).
  std::string SiteUrl() const;
  // The theme's folder of files served under /static/.
  std::string StaticDir() const;

  std::uint16_t port() const;
  // Serves until SIGINT/SIGTERM; returns when the server has stopped.
  void Run();
  // The route table, one "methods path name" line per route, in the order they are tried.
  std::vector<std::string> Routes() const;

 private:
  struct Parts;
  explicit Server(std::unique_ptr<Parts> parts);
  static Status Build(Parts& p, bool serving);
  static void BuildRoutes(Parts& p);
  std::unique_ptr<Parts> p_;
};

}  // namespace gazette::app
