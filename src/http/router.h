// Router: one table from request paths to handlers, read top to bottom; the first route whose
// path matches answers. A matching path with a method the route does not take answers 405 with
// Allow. A handler that throws answers the failure page (500); nothing escapes to the server.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace gazette::http {

class Router {
 public:
  using Handler = std::function<Response(const Request&)>;

  // `failure` answers a request whose handler threw (it must not throw itself).
  explicit Router(Handler failure) : failure_(std::move(failure)) {}

  // `path` exactly. `methods` lists what the route takes ("GET" also takes HEAD); empty: any.
  // `name` labels the route in /metrics when the handler does not name it more finely.
  Router& Exact(std::string path, std::vector<std::string> methods, std::string name, Handler handler);
  // `prefix` and everything under it: "/admin" matches "/admin" and "/admin/...", not "/administer".
  // A prefix ending in '/' matches only paths under it.
  Router& Under(std::string prefix, std::vector<std::string> methods, std::string name, Handler handler);
  // Paths that `matches` accepts (it sees the whole request: path and query), described as
  // `pattern` in Describe(). For families of addresses such as the feeds under every archive.
  using Predicate = std::function<bool(const Request&)>;
  Router& When(std::string pattern, Predicate matches, std::vector<std::string> methods, std::string name,
               Handler handler);
  // Every path that starts with `prefix`, whatever follows: "/sitemap-" matches "/sitemap-tags.xml".
  Router& Starting(std::string prefix, std::vector<std::string> methods, std::string name, Handler handler);
  // Every other path.
  Router& Otherwise(std::vector<std::string> methods, std::string name, Handler handler);

  // Thread-safe once the table is built.
  Response Handle(const Request& req) const;

  // "methods path name" per route, in order: the table as text (for tests and logs).
  std::vector<std::string> Describe() const;

 private:
  enum class Match { kExact, kUnder, kStarting, kWhen, kAny };
  struct Route {
    Match match;
    std::string path;
    std::vector<std::string> methods;
    std::string name;
    Handler handler;
    Predicate predicate;  // kWhen only
  };
  static bool Matches(const Route& route, const Request& req);
  static bool Takes(const Route& route, const std::string& method);

  std::vector<Route> routes_;
  Handler failure_;
};

}  // namespace gazette::http
