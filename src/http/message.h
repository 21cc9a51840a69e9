// Request and Response: plain values at the edge, so no handler sees Beast.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::http {

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string target;                                        // as sent: "/tag/x/?page=2"
  std::string path;                                          // percent-decoded path, valid UTF-8 not guaranteed
  std::multimap<std::string, std::string> query;             // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string body;
  std::string remote_ip;
  bool head = false;       // a HEAD request, answered as GET without the body
  bool keep_alive = true;  // the connection stays open after the response
  unsigned version = 11;   // HTTP/1.1

  // The first value of header `name` (lowercase), or "" when absent.
  std::string_view Header(std::string_view name) const;
  // The first value of query parameter `name`, if present.
  std::optional<std::string> Query(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  // When set, sent instead of `body` without copying it (cached pages share their bodies).
  std::shared_ptr<const std::string> shared_body;
  // When set, the complete status line and headers, sent as they are (a cached page's response
  // head is serialised once). Only used for HTTP/1.1 keep-alive responses with a body.
  std::shared_ptr<const std::string> raw_head;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route = "other";          // for metrics: "article", "home", "tag", ...
  std::vector<std::string> cache_tags;  // what invalidates this page; empty: not cacheable

  std::size_t BodySize() const { return shared_body ? shared_body->size() : body.size(); }

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  static Response Redirect(int status, std::string location) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "See " + location + "\n";
    r.Header("Location", std::move(location));
    return r;
  }
  static Response Text(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
  }
};

}  // namespace gazette::http
