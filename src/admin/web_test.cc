// Admin HTTP helpers: cookies, bearer tokens and safe redirects.
#include "admin/web.h"

#include <gtest/gtest.h>

namespace gazette::admin {
namespace {

TEST(AdminWebTest, ReadsTheSessionCookieAmongOthers) {
  http::Request req;
  req.headers = {{"cookie", "a=1; gazette_session=abc; b=2"}};
  EXPECT_EQ(CookieValue(req, "gazette_session"), "abc");
  EXPECT_EQ(CookieValue(req, "missing"), "");
}

TEST(AdminWebTest, ReadsBearerTokens) {
  http::Request req;
  req.headers = {{"authorization", "Bearer gzt_123"}};
  EXPECT_EQ(BearerToken(req), "gzt_123");
  req.headers = {{"authorization", "Basic xyz"}};
  EXPECT_EQ(BearerToken(req), "");
}

TEST(AdminWebTest, SessionCookieIsHttpOnlyLaxAndSecureOnHttps) {
  EXPECT_EQ(SessionCookie("t", 60, false), "gazette_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
  EXPECT_NE(SessionCookie("t", 60, true).find("; Secure"), std::string::npos);
}

TEST(AdminWebTest, NextStaysInsideTheAdmin) {
  EXPECT_EQ(SafeNext("/admin/articles/"), "/admin/articles/");
  EXPECT_EQ(SafeNext("https://evil.example/"), "/admin/");
  EXPECT_EQ(SafeNext("/admin//evil.example"), "/admin/");
  EXPECT_EQ(SafeNext("//evil.example/admin/"), "/admin/");
}

}  // namespace
}  // namespace gazette::admin
