// Public API responses. Errors go through MarkAsError so that no error is ever cached.
#include "http/api_response.h"

#include "http/errors.h"
#include "http/reader_pages.h"

namespace gazette::http {
namespace {

// Browsers on other sites may read these APIs: they are public and carry no credentials.
void AddCors(Response& r) {
  r.Header("Access-Control-Allow-Origin", "*");
  r.Header("Access-Control-Expose-Headers", "ETag, Link, X-WP-Total, X-WP-TotalPages");
}

Response JsonBody(int status, const nlohmann::json& body, const char* route) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  r.route = route;
  AddCors(r);
  return r;
}

}  // namespace

Response ApiJson(const nlohmann::json& body, const char* route, std::vector<std::string> cache_tags) {
  Response r = JsonBody(200, body, route);
  r.Header("Cache-Control", kPageCacheControl);
  r.cache_tags = std::move(cache_tags);
  return r;
}

Response ApiJsonError(ErrorCode code, const nlohmann::json& body, const char* route) {
  Response r = JsonBody(StatusFor(code), body, route);
  MarkAsError(r, code);
  return r;
}

Response ApiJsonError(int status, const nlohmann::json& body, const char* route) {
  Response r = JsonBody(status, body, route);
  r.Header("Cache-Control", "no-store");
  return r;
}

Response ApiPreflight(const char* route) {
  Response r;
  r.status = 204;
  r.content_type = "text/plain; charset=utf-8";
  r.route = route;
  AddCors(r);
  r.Header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
  r.Header("Access-Control-Allow-Headers", "Content-Type, If-None-Match, If-Modified-Since");
  r.Header("Access-Control-Max-Age", "86400");
  r.Header("Allow", "GET, HEAD, OPTIONS");
  return r;
}

nlohmann::json SelectFields(const nlohmann::json& object, const std::vector<std::string>& fields) {
  if (fields.empty() || !object.is_object()) return object;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& f : fields) {
    const auto dot = f.find('.');
    const std::string top = f.substr(0, dot);
    auto it = object.find(top);
    if (it == object.end()) continue;
    if (dot == std::string::npos) {
      out[top] = *it;
    } else if (it->is_object()) {
      const std::string inner = f.substr(dot + 1);
      if (auto in = it->find(inner); in != it->end()) out[top][inner] = *in;
    }
  }
  return out;
}

}  // namespace gazette::http
