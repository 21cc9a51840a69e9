#include "http/router.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace gazette::http {

Router& Router::Exact(std::string path, std::vector<std::string> methods, std::string name, Handler handler) {
  routes_.push_back({Match::kExact, std::move(path), std::move(methods), std::move(name), std::move(handler)});
  return *this;
}

Router& Router::Under(std::string prefix, std::vector<std::string> methods, std::string name, Handler handler) {
  routes_.push_back({Match::kUnder, std::move(prefix), std::move(methods), std::move(name), std::move(handler)});
  return *this;
}

Router& Router::When(std::string pattern, Predicate matches, std::vector<std::string> methods, std::string name,
                     Handler handler) {
  routes_.push_back({Match::kWhen, std::move(pattern), std::move(methods), std::move(name), std::move(handler),
                     std::move(matches)});
  return *this;
}

Router& Router::Starting(std::string prefix, std::vector<std::string> methods, std::string name, Handler handler) {
  routes_.push_back({Match::kStarting, std::move(prefix), std::move(methods), std::move(name), std::move(handler)});
  return *this;
}

Router& Router::Otherwise(std::vector<std::string> methods, std::string name, Handler handler) {
  routes_.push_back({Match::kAny, "", std::move(methods), std::move(name), std::move(handler)});
  return *this;
}

bool Router::Matches(const Route& route, const Request& req) {
  const std::string& path = req.path;
  switch (route.match) {
    case Match::kWhen:
      return route.predicate(req);
    case Match::kExact:
      return path == route.path;
    case Match::kUnder:
      if (!path.starts_with(route.path)) return false;
      return route.path.ends_with('/') || path.size() == route.path.size() || path[route.path.size()] == '/';
    case Match::kStarting:
      return path.starts_with(route.path);
    case Match::kAny:
      return true;
  }
  return false;
}

bool Router::Takes(const Route& route, const std::string& method) {
  if (route.methods.empty()) return true;
  for (const auto& m : route.methods)
    if (m == method) return true;
  return false;
}

Response Router::Handle(const Request& req) const {
  for (const auto& route : routes_) {
    if (!Matches(route, req)) continue;
    if (!Takes(route, req.method)) {
      std::string allow;
      for (const auto& m : route.methods) allow += (allow.empty() ? "" : ", ") + m + (m == "GET" ? ", HEAD" : "");
      Response r = Response::Text(405, "This address answers " + allow + " only.\n").Header("Allow", allow);
      r.route = route.name;
      return r;
    }
    try {
      Response r = route.handler(req);
      if (r.route == "other") r.route = route.name;
      return r;
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.target, e.what());
      return failure_(req);
    }
  }
  return Response::Text(404, "Not found.\n");
}

std::vector<std::string> Router::Describe() const {
  std::vector<std::string> lines;
  for (const auto& route : routes_) {
    std::string methods;
    for (const auto& m : route.methods) methods += (methods.empty() ? "" : ",") + m;
    if (methods.empty()) methods = "*";
    const std::string path = route.match == Match::kAny        ? "*"
                             : route.match == Match::kUnder    ? route.path + (route.path.ends_with('/') ? "*" : "[/*]")
                             : route.match == Match::kStarting ? route.path + "*"
                                                               : route.path;
    lines.push_back(methods + " " + path + " " + route.name);
  }
  return lines;
}

}  // namespace gazette::http
