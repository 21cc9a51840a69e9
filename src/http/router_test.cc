#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace gazette::http {
namespace {

Router::Handler Says(std::string what) {
  return [what](const Request&) { return Response::Text(200, what); };
}

Request Req(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.target = r.path;
  return r;
}

std::string Allow(const Response& r) {
  for (const auto& [name, value] : r.headers)
    if (name == "Allow") return value;
  return "";
}

Router Table() {
  Router router([](const Request&) { return Response::Text(500, "failed"); });
  router.Exact("/healthz", {"GET"}, "health", Says("health"))
      .Under("/admin", {}, "admin", Says("admin"))
      .Under("/static/", {"GET"}, "static", Says("static"))
      .Starting("/sitemap-", {"GET"}, "sitemap", Says("sitemap"))
      .Exact("/comments", {"POST"}, "comment_post", Says("post"))
      .Exact("/boom", {"GET"}, "boom", [](const Request&) -> Response { throw std::runtime_error("boom"); })
      .Otherwise({"GET"}, "page", Says("page"));
  return router;
}

TEST(RouterTest, TheFirstMatchingRouteAnswersAndNamesItself) {
  const Router router = Table();
  EXPECT_EQ(router.Handle(Req("GET", "/healthz")).body, "health");
  EXPECT_EQ(router.Handle(Req("GET", "/healthz")).route, "health");
  EXPECT_EQ(router.Handle(Req("GET", "/healthz/")).body, "page") << "exact means exact";
  EXPECT_EQ(router.Handle(Req("DELETE", "/admin")).body, "admin");
  EXPECT_EQ(router.Handle(Req("GET", "/admin/articles")).body, "admin");
  EXPECT_EQ(router.Handle(Req("GET", "/administer")).body, "page") << "a prefix stops at a segment";
  EXPECT_EQ(router.Handle(Req("GET", "/static/site.css")).body, "static");
  EXPECT_EQ(router.Handle(Req("GET", "/static")).body, "page") << "a prefix ending in / needs something under it";
  EXPECT_EQ(router.Handle(Req("GET", "/sitemap-tags.xml")).body, "sitemap") << "a start need not end a segment";
  EXPECT_EQ(router.Handle(Req("GET", "/sitemap-")).body, "sitemap");
  EXPECT_EQ(router.Handle(Req("GET", "/sitemap.xml")).body, "page");
  EXPECT_EQ(router.Handle(Req("GET", "/2026/12/07/budget/")).route, "page");
}

TEST(RouterTest, AWrongMethodIs405WithAllow) {
  const Router router = Table();
  auto r = router.Handle(Req("GET", "/comments"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Allow(r), "POST");
  r = router.Handle(Req("PUT", "/"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Allow(r), "GET, HEAD");
}

TEST(RouterTest, AThrowingHandlerGetsTheFailurePage) {
  auto r = Table().Handle(Req("GET", "/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, "failed");
}

TEST(RouterTest, DescribesItsTableInOrder) {
  const auto lines = Table().Describe();
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0], "GET /healthz health");
  EXPECT_EQ(lines[1], "* /admin[/*] admin");
  EXPECT_EQ(lines[2], "GET /static/* static");
  EXPECT_EQ(lines[3], "GET /sitemap-* sitemap");
  EXPECT_EQ(lines[6], "GET * page");
}

}  // namespace
}  // namespace gazette::http

namespace gazette::http {
namespace {

TEST(RouterTest, APredicateRouteSeesTheWholeRequest) {
  Router router([](const Request&) { return Response::Text(500, "failed"); });
  router
      .When(
          "*/feed/", [](const Request& r) { return r.path.ends_with("/feed/") || r.Query("feed").has_value(); },
          {"GET"}, "feed", [](const Request&) { return Response::Text(200, "feed"); })
      .Otherwise({"GET"}, "page", [](const Request&) { return Response::Text(200, "page"); });
  EXPECT_EQ(router.Handle(Req("GET", "/tag/x/feed/")).body, "feed");
  Request wp = Req("GET", "/");
  wp.query.emplace("feed", "rss2");
  EXPECT_EQ(router.Handle(wp).body, "feed");
  EXPECT_EQ(router.Handle(Req("GET", "/tag/x/")).body, "page");
  EXPECT_EQ(router.Describe()[0], "GET */feed/ feed");
}

}  // namespace
}  // namespace gazette::http
