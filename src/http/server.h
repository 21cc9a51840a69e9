// Server: the HTTP/1.1 front door (Boost.Beast), with limits on everything a client sends.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "http/message.h"

namespace gazette::http {

// Splits an origin-form target ("/tag/x/?page=2") into req.path (percent-decoded) and
// req.query (decoded). False if the target is malformed.
bool ParseTarget(std::string_view target, Request& req);

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;                 // 0: any free port (see Server::port())
  int threads = 0;                           // 0: one per core
  std::size_t max_header_bytes = 16 * 1024;  // larger: 431
  std::size_t max_body_bytes = 256 * 1024;   // larger: 413
  // Paths that accept larger bodies (image uploads), and how large.
  std::vector<std::string> upload_paths;
  std::size_t max_upload_bytes = 12 * 1024 * 1024;
  int read_timeout_seconds = 15;  // to receive a whole request
  int idle_timeout_seconds = 30;  // keep-alive wait between requests
  int max_connections = 10000;    // beyond: new connections are closed at once
};

using Handler = std::function<Response(const Request&)>;
// Told about every answered request (for the access log and metrics). `original_method` is the
// method as sent (HEAD is answered as GET). Called on a server thread: keep it quick.
using Observer = std::function<void(const Request& req, const std::string& original_method, const Response& res,
                                    std::size_t body_bytes)>;

class Server {
 public:
  // Binds the listening socket. kUnavailable if the address cannot be bound.
  static Result<std::unique_ptr<Server>> Bind(const ServerOptions& options, Handler handler,
                                              Observer observer = nullptr);
  ~Server();

  // The bound port (useful when options.port was 0).
  std::uint16_t port() const;
  // Serves until Stop() or SIGINT/SIGTERM. Blocks the calling thread, which also serves.
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
