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
  ~Server();

  std::uint16_t port() const;
  // Serves until SIGINT/SIGTERM; returns when the server has stopped.
  void Run();
  // The route table, one "methods path name" line per route, in the order they are tried.
  std::vector<std::string> Routes() const;

 private:
  struct Parts;
  explicit Server(std::unique_ptr<Parts> parts);
  static Status Build(Parts& p);
  static void BuildRoutes(Parts& p);
  std::unique_ptr<Parts> p_;
};

}  // namespace gazette::app
