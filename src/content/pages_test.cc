#include "content/pages.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(ParsePagePathTest, MakesEachSegmentASlug) {
  auto p = ParsePagePath(" /About Us/Our Team/ ");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(*p, "about-us/our-team");
  EXPECT_EQ(*ParsePagePath("contact"), "contact");
  EXPECT_EQ(PagePath("about/team"), "/about/team/");
}

TEST(ParsePagePathTest, RefusesEmptyPathsAndSegments) {
  for (const char* bad : {"", "/", "  ", "a//b", "about/!!!", "\xff"}) {
    auto p = ParsePagePath(bad);
    ASSERT_FALSE(p) << bad;
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(p.error().field, "slug");
  }
}

TEST(ParsePagePathTest, BoundsTheDepth) {
  EXPECT_TRUE(ParsePagePath("a/b/c"));
  auto deep = ParsePagePath("a/b/c/d");
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().code, ErrorCode::kInvalidArgument);
}

TEST(ParsePagePathTest, RefusesGazettesOwnRoutes) {
  for (const char* taken : {"admin", "api/x", "feed", "tag/news", "author", "search", "media", "static/x", "sitemap",
                            "sitemap-pages", "wp-json", "comments", "about/feed", "history/page"}) {
    auto p = ParsePagePath(taken);
    ASSERT_FALSE(p) << taken;
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument) << taken;
  }
  // Only the first segment is reserved for most routes: /about/tag/ reaches no other handler.
  EXPECT_TRUE(ParsePagePath("about/tag"));
  EXPECT_TRUE(ParsePagePath("administration"));
}

}  // namespace
}  // namespace gazette::content
