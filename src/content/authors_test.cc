// An article's authors from its byline.
#include "content/authors.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(AuthorsTest, TheBylineIsOneAuthorSluggedAsTagsAre) {
  Article a;
  a.author = "  Zoë  O'Brien ";
  auto authors = ArticleAuthors(a);
  ASSERT_EQ(authors.size(), 1u);
  EXPECT_EQ(authors[0].name, "Zoë O'Brien");
  EXPECT_EQ(authors[0].slug, "zoe-obrien");
  EXPECT_EQ(AuthorPath(authors[0]), "/author/zoe-obrien/");
}

TEST(AuthorsTest, NoBylineNoAuthors) {
  Article a;
  a.author = " -- ";
  EXPECT_TRUE(ArticleAuthors(a).empty());
}

}  // namespace
}  // namespace gazette::content
