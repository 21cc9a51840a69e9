// Unit tests for the per-article commenting choice and how it meets the site's rules.
#include "comments/commenting.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

constexpr UnixTime kDay = 86400;
constexpr UnixTime kPublished = 1700000000;

CommentSettings Rules(bool closed_by_default, int close_after_days) {
  CommentSettings s;
  s.closed_by_default = closed_by_default;
  s.close_after_days = close_after_days;
  return s;
}

TEST(CommentingTest, SiteDefaultFollowsTheRules) {
  const auto d = ArticleCommenting::kSiteDefault;
  EXPECT_TRUE(CommentsOpen(d, Rules(false, 0), kPublished, kPublished + 1000 * kDay));
  EXPECT_FALSE(CommentsOpen(d, Rules(true, 0), kPublished, kPublished));
  EXPECT_TRUE(CommentsOpen(d, Rules(false, 3), kPublished, kPublished + 3 * kDay)) << "the last second is open";
  EXPECT_FALSE(CommentsOpen(d, Rules(false, 3), kPublished, kPublished + 3 * kDay + 1));
  EXPECT_FALSE(CommentsOpen(d, Rules(true, 3), kPublished, kPublished + 1));
}

TEST(CommentingTest, ExplicitOpenBeatsEveryClosingRule) {
  const auto o = ArticleCommenting::kOpen;
  EXPECT_TRUE(CommentsOpen(o, Rules(false, 0), kPublished, kPublished));
  EXPECT_TRUE(CommentsOpen(o, Rules(true, 0), kPublished, kPublished)) << "beats closed_by_default";
  EXPECT_TRUE(CommentsOpen(o, Rules(false, 3), kPublished, kPublished + 30 * kDay)) << "beats close_after_days";
  EXPECT_TRUE(CommentsOpen(o, Rules(true, 3), kPublished, kPublished + 30 * kDay)) << "beats both";
}

TEST(CommentingTest, ExplicitClosedBeatsAnOpenSite) {
  const auto c = ArticleCommenting::kClosed;
  EXPECT_FALSE(CommentsOpen(c, Rules(false, 0), kPublished, kPublished));
  EXPECT_FALSE(CommentsOpen(c, Rules(false, 3), kPublished, kPublished + 1)) << "even while young";
  EXPECT_FALSE(CommentsOpen(c, Rules(true, 3), kPublished, kPublished + 30 * kDay));
}

TEST(CommentingTest, WordsRoundTripAndBadWordsAreRefused) {
  for (auto c : {ArticleCommenting::kSiteDefault, ArticleCommenting::kOpen, ArticleCommenting::kClosed}) {
    auto parsed = ParseArticleCommenting(ToString(c));
    ASSERT_TRUE(parsed) << ToString(c);
    EXPECT_EQ(*parsed, c);
  }
  EXPECT_STREQ(ToString(ArticleCommenting::kSiteDefault), "default");
  EXPECT_STREQ(ToString(ArticleCommenting::kOpen), "open");
  EXPECT_STREQ(ToString(ArticleCommenting::kClosed), "closed");
  for (const char* bad : {"", "Open", "CLOSED", "close", "site", "default ", " open", "true", "1"})
    EXPECT_FALSE(ParseArticleCommenting(bad)) << '"' << bad << '"';
}

}  // namespace
}  // namespace gazette::comments
