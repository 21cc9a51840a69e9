#include "common/numbers.h"

#include <gtest/gtest.h>

namespace gazette {

TEST(NumbersTest, TheWholeStringMustBeTheNumber) {
  EXPECT_EQ(ParseInteger<int>("42"), 42);
  EXPECT_EQ(ParseInteger<int>("-3"), -3);
  for (const char* bad : {"", " 4", "4 ", "4x", "x4", "0x10", "+4", "99999999999"})
    EXPECT_FALSE(ParseInteger<int>(bad)) << bad;
}

TEST(NumbersTest, IdsArePositive) {
  EXPECT_EQ(ParseId("12"), 12);
  EXPECT_EQ(ParseId("9007199254740993"), 9007199254740993);
  for (const char* bad : {"0", "-1", "", "1.5", "12/"}) EXPECT_FALSE(ParseId(bad)) << bad;
}

}  // namespace gazette
