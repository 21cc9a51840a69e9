// Bylines and the editor's authors field.
#include "content/authors.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(AuthorsTest, BylinesJoinNamesAsWrittenEnglish) {
  const Author a{0, "Ann Lee", "ann-lee"}, b{0, "Bo Chen", "bo-chen"}, c{0, "Zoë O'Brien", "zoe-obrien"};
  EXPECT_EQ(Byline({}), "");
  EXPECT_EQ(Byline({a}), "Ann Lee");
  EXPECT_EQ(Byline({a, b}), "Ann Lee and Bo Chen");
  EXPECT_EQ(Byline({a, b, c}), "Ann Lee, Bo Chen and Zoë O'Brien");
  EXPECT_EQ(AuthorPath(c), "/author/zoe-obrien/");
}

TEST(AuthorsTest, TheFieldSplitsOnCommasAndDropsRepeats) {
  EXPECT_EQ(SplitAuthorNames("  Ann  Lee , Bo Chen,, ann lee ,"), (std::vector<std::string>{"Ann Lee", "Bo Chen"}));
  EXPECT_TRUE(SplitAuthorNames(" , ").empty());
  const Author a{0, "Ann Lee", "ann-lee"}, b{0, "Bo Chen", "bo-chen"};
  EXPECT_EQ(SplitAuthorNames(AuthorNamesField({a, b})), (std::vector<std::string>{"Ann Lee", "Bo Chen"}));
}

}  // namespace
}  // namespace gazette::content
