#include "cli/text_import.h"

#include <gtest/gtest.h>

namespace gazette::cli {
namespace {

TEST(TextImportTest, HeadlineThenParagraphs) {
  auto d = ParseTextArticle(
      "Labour plans maternity pay rise\n\nMaternity pay is to rise by \xC2\xA3"
      "100.\n\n* Not a list\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->title, "Labour plans maternity pay rise");
  EXPECT_EQ(d->markdown,
            "Maternity pay is to rise by \xC2\xA3"
            "100.\n\n\\* Not a list");
}

TEST(TextImportTest, NamesTheFirstInvalidByte) {
  auto d = ParseTextArticle(
      "Title\n\nIt cost \xA3"
      "5m.");
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("invalid UTF-8 at byte 15"), std::string::npos) << d.error().message;
}

TEST(TextImportTest, EmptyFilesAreRefused) {
  EXPECT_FALSE(ParseTextArticle(""));
  EXPECT_FALSE(ParseTextArticle("\n\n  \n"));
}

TEST(TextImportTest, HandlesCrlfAndByteOrderMark) {
  auto d = ParseTextArticle("\xEF\xBB\xBFTitle\r\n\r\nOne\r\ntwo\r\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->title, "Title");
  EXPECT_EQ(d->markdown, "One\ntwo");
}

}  // namespace
}  // namespace gazette::cli
