#include "imports/markdown/dates.h"

#include <gtest/gtest.h>

namespace gazette::imports::markdown {
namespace {

constexpr UnixTime k2006Jan02 = 1136160000;  // 2006-01-02T00:00:00Z

TEST(FrontMatterDateTest, ReadsTheFormatsSitesWrite) {
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02"), k2006Jan02);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02T15:04:05Z"), k2006Jan02 + 15 * 3600 + 4 * 60 + 5);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02T15:04:05-07:00"), k2006Jan02 + 22 * 3600 + 4 * 60 + 5);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02 15:04:05 -0700"), k2006Jan02 + 22 * 3600 + 4 * 60 + 5);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02T15:04:05.999+01:00"), k2006Jan02 + 14 * 3600 + 4 * 60 + 5);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02T15:04"), k2006Jan02 + 15 * 3600 + 4 * 60);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02 15:04:05"), k2006Jan02 + 15 * 3600 + 4 * 60 + 5);
  EXPECT_EQ(ParseFrontMatterDate(" 2006-01-02t00:00:00z "), k2006Jan02);
  EXPECT_EQ(ParseFrontMatterDate("2006-01-02T00:30:00+01"), k2006Jan02 - 1800);
}

TEST(FrontMatterDateTest, RefusesWhatItCannotReadForCertain) {
  for (const char* bad : {"", "yesterday", "02/01/2006", "2006-13-01", "2006-02-30", "2006-01-02T25:00:00Z",
                          "2006-01-02T15:04:05+2", "2006-01-02X", "2006-01-02T15:04:05 PST", "20060102"})
    EXPECT_FALSE(ParseFrontMatterDate(bad)) << bad;
}

}  // namespace
}  // namespace gazette::imports::markdown
