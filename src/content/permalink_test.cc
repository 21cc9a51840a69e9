#include "content/permalink.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

Article MakeArticle() {
  Article a;
  a.id = 42;
  a.slug = "labour-plans-maternity-pay-rise";
  a.published_at = *ParseIso8601("2005-02-14T10:00:00Z");
  return a;
}

TEST(PermalinkTest, RendersTheDefaultPattern) {
  auto p = Permalink::Parse(kDefaultPermalink);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->PathFor(MakeArticle()), "/2005/02/14/labour-plans-maternity-pay-rise/");
}

TEST(PermalinkTest, MatchesAndChecksDates) {
  auto p = Permalink::Parse(kDefaultPermalink);
  auto m = p->Match("/2005/02/14/labour-plans-maternity-pay-rise/");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->slug, "labour-plans-maternity-pay-rise");
  EXPECT_TRUE(p->Agrees(*m, MakeArticle()));
  auto wrong_day = p->Match("/2005/02/15/labour-plans-maternity-pay-rise/");
  ASSERT_TRUE(wrong_day);
  EXPECT_FALSE(p->Agrees(*wrong_day, MakeArticle()));
  EXPECT_FALSE(p->Match("/2005/02/labour-plans/"));
  EXPECT_FALSE(p->Match("/2005/xx/14/slug/"));
  EXPECT_FALSE(p->Match("/2005/02/14/slug"));  // trailing slash is part of the pattern
}

TEST(PermalinkTest, SupportsOtherPatterns) {
  auto p = Permalink::Parse("/news/{id}/{slug}");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->PathFor(MakeArticle()), "/news/42/labour-plans-maternity-pay-rise");
  auto m = p->Match("/news/42/anything");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, 42);
}

TEST(PermalinkTest, RejectsPatternsWithoutAKey) {
  EXPECT_FALSE(Permalink::Parse("/{yyyy}/{mm}/"));
  EXPECT_FALSE(Permalink::Parse("{slug}/"));
  EXPECT_FALSE(Permalink::Parse("/x-{slug}/"));
}

}  // namespace
}  // namespace gazette::content
