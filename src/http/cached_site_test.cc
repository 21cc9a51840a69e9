#include "http/cached_site.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(CachedSiteTest, TrackingParametersDoNotFragmentTheCache) {
  Request a, b, c;
  a.path = b.path = c.path = "/2026/11/26/story/";
  b.query = {{"utm_source", "x"}, {"fbclid", "y"}};
  c.query = {{"comment", "pending"}};
  EXPECT_EQ(CachedSite::CacheKey(a), CachedSite::CacheKey(b));
  EXPECT_NE(CachedSite::CacheKey(a), CachedSite::CacheKey(c));
}

TEST(CachedSiteTest, SessionsAndTokensBypassTheCache) {
  Request r;
  EXPECT_FALSE(CachedSite::BypassesCache(r));
  r.headers = {{"cookie", "theme=dark; gazette_session=abc"}};
  EXPECT_TRUE(CachedSite::BypassesCache(r));
  r.headers = {{"authorization", "Bearer x"}};
  EXPECT_TRUE(CachedSite::BypassesCache(r));
}

}  // namespace
}  // namespace gazette::http
