// The WordPress subset's routing, index, list headers and errors. Each collection's handlers are
// in wp_rest_posts.cc, wp_rest_terms.cc and wp_rest_comments.cc.
#include "http/wp_rest.h"

#include <spdlog/spdlog.h>

#include "common/text.h"
#include "http/errors.h"

namespace gazette::http {
namespace {

constexpr const char* kRoute = "wp_rest";
constexpr std::string_view kPrefix = "/wp-json";

// The collections, as the index lists them.
constexpr const char* kCollections[] = {"posts", "pages", "categories", "tags", "users", "comments", "media"};

}  // namespace

Response WpRest::Fail(const Error& error, const char* not_found_code) {
  if (error.code == ErrorCode::kInvalidArgument) return Invalid(error.field, error.message);
  if (error.code == ErrorCode::kNotFound) return ApiJsonError(404, WpError(not_found_code, error.message, 404), kRoute);
  spdlog::error("wp-json: {}", error.message);
  return ApiJsonError(error.code,
                      WpError("rest_unavailable", "The content could not be read just now.", StatusFor(error.code)),
                      kRoute);
}

Response WpRest::Invalid(const std::string& param, const std::string& message) {
  nlohmann::json body = WpError("rest_invalid_param", "Invalid parameter(s): " + param, 400);
  body["data"]["params"] = {{param, message}};
  return ApiJsonError(400, body, kRoute);
}

Response WpRest::Handle(const Request& req) const {
  if (req.method == "OPTIONS") return ApiPreflight(kRoute);
  if (req.method != "GET") {
    Response r = ApiJsonError(
        405, WpError("rest_no_route", "No route was found matching the URL and request method.", 405), kRoute);
    r.Header("Allow", "GET, HEAD, OPTIONS");
    return r;
  }
  std::vector<std::string> segments;
  for (auto& s : text::SplitTrimmed(std::string_view(req.path).substr(kPrefix.size()), '/'))
    if (!s.empty()) segments.push_back(std::string(s));
  const auto site = d_.site.Current();
  Call call{req, site, WpContext(*site), {}, req.Query("_embed").has_value(), {}};
  auto fields = ApiFieldList(req, "_fields");
  if (!fields) return Fail(fields.error());
  call.fields = std::move(*fields);
  for (const auto& section : site->settings.sections) {
    auto tag = d_.articles.GetTag(section.slug);
    if (tag) call.wp.categories.push_back(std::move(*tag));
  }
  return Route(call, segments);
}

Response WpRest::Route(Call& call, const std::vector<std::string>& s) const {
  if (s.empty() || (s.size() == 2 && s[0] == "wp" && s[1] == "v2")) return Index(call);
  if (s.size() < 3 || s.size() > 4 || s[0] != "wp" || s[1] != "v2")
    return Fail(Error::NotFound("No route was found matching the URL and request method."));
  const std::string& what = s[2];
  if (s.size() == 3) {
    if (what == "posts") return Posts(call, Collection::kPosts);
    if (what == "pages") return Posts(call, Collection::kPages);
    if (what == "categories") return Terms(call, true);
    if (what == "tags") return Terms(call, false);
    if (what == "users") return Users(call);
    if (what == "comments") return Comments(call);
    if (what == "media") return Media(call);
  } else {
    const std::string& id = s[3];
    if (what == "posts") return OnePost(call, Collection::kPosts, id);
    if (what == "pages") return OnePost(call, Collection::kPages, id);
    if (what == "categories") return OneTerm(call, true, id);
    if (what == "tags") return OneTerm(call, false, id);
    if (what == "users") return OneUser(call, id);
    if (what == "comments") return OneComment(call, id);
    if (what == "media") return OneMedia(call, id);
  }
  return Fail(Error::NotFound("No route was found matching the URL and request method."));
}

Response WpRest::Index(const Call& call) const {
  const auto& s = call.site->settings;
  nlohmann::json routes = nlohmann::json::object();
  auto add = [&](const std::string& route) {
    routes[route] = {{"namespace", "wp/v2"},
                     {"methods", {"GET"}},
                     {"endpoints", nlohmann::json::array({{{"methods", {"GET"}}, {"args", nlohmann::json::object()}}})},
                     {"_links", {{"self", nlohmann::json::array({{{"href", s.url + "/wp-json" + route}}})}}}};
  };
  add("/wp/v2");
  for (const char* c : kCollections) {
    add(std::string("/wp/v2/") + c);
    add(std::string("/wp/v2/") + c + "/(?P<id>[\\d]+)");
  }
  nlohmann::json body = {{"name", s.title},
                         {"description", s.description},
                         {"url", s.url},
                         {"home", s.url},
                         {"gmt_offset", 0},
                         {"timezone_string", "UTC"},
                         {"namespaces", {"wp/v2"}},
                         {"authentication", nlohmann::json::array()},
                         {"routes", std::move(routes)}};
  return One(call, body, {"settings"});
}

Response WpRest::List(const Call& call, nlohmann::json items, int page, std::size_t total, int per_page,
                      std::vector<std::string> cache_tags) const {
  const int total_pages = TotalPages(total, per_page);
  if (page > 1 && page > total_pages)
    return ApiJsonError(400,
                        WpError("rest_post_invalid_page_number",
                                "The page number requested is larger than the number of pages available.", 400),
                        kRoute);
  for (auto& item : items) item = SelectFields(item, call.fields);
  Response r = ApiJson(items, kRoute, std::move(cache_tags));
  r.Header("X-WP-Total", std::to_string(total));
  r.Header("X-WP-TotalPages", std::to_string(total_pages));
  if (auto links = PageLinks(call.site->settings.url + call.req.path, call.req, page, total_pages); !links.empty())
    r.Header("Link", links);
  return r;
}

Response WpRest::One(const Call& call, const nlohmann::json& item, std::vector<std::string> cache_tags) const {
  return ApiJson(SelectFields(item, call.fields), kRoute, std::move(cache_tags));
}

}  // namespace gazette::http
