#include "common/time.h"

#include <gtest/gtest.h>

namespace gazette {
namespace {

TEST(TimeTest, FormatsAndParsesIso8601) {
  const auto t = ParseIso8601("2005-02-14T09:30:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatIso8601(*t), "2005-02-14T09:30:00Z");
  EXPECT_EQ(FormatHumanDate(*t), "14 February 2005");
  EXPECT_EQ(FormatHttpDate(*t), "Mon, 14 Feb 2005 09:30:00 GMT");
  EXPECT_EQ(ParseIso8601("2005-02-14"), *t - 9 * 3600 - 30 * 60);
}

TEST(TimeTest, ParsesHttpDates) {
  EXPECT_EQ(ParseHttpDate("Mon, 14 Feb 2005 09:30:00 GMT"), ParseIso8601("2005-02-14T09:30:00Z"));
  EXPECT_FALSE(ParseHttpDate("yesterday"));
}

TEST(TimeTest, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseIso8601("2005-02-30"));
  EXPECT_FALSE(ParseIso8601("yesterday"));
  EXPECT_FALSE(ParseIso8601("2005-13-01"));
}

TEST(TimeTest, FromCivilIsMidnightUtcOfDatesThatExist) {
  EXPECT_EQ(FromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(FromCivil({2024, 2, 29}), ParseIso8601("2024-02-29T00:00:00Z"));
  EXPECT_EQ(FromCivil({2026, 12, 1}).value() + 31 * 86400, FromCivil({2027, 1, 1}));
  EXPECT_FALSE(FromCivil({2025, 2, 29}));
  EXPECT_FALSE(FromCivil({2026, 0, 1}));
  EXPECT_FALSE(FromCivil({2026, 13, 1}));
  EXPECT_FALSE(FromCivil({2026, 1, 257}));
}

}  // namespace
}  // namespace gazette
