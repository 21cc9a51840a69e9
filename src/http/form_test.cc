#include "http/form.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(FormTest, DecodesPlusAndPercentEscapes) {
  auto f = ParseFormEncoded("name=Ada+Lovelace&comment=%C2%A35+%26+more&empty=&flag");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->find("name")->second, "Ada Lovelace");
  EXPECT_EQ(f->find("comment")->second,
            "\xC2\xA3"
            "5 & more");
  EXPECT_EQ(f->find("empty")->second, "");
  EXPECT_EQ(f->count("flag"), 1u);
}

TEST(FormTest, RejectsBrokenEscapes) { EXPECT_FALSE(ParseFormEncoded("a=%ZZ")); }

TEST(FormTest, KeepsInvalidUtf8BytesForTheValidatorToReport) {
  auto f = ParseFormEncoded("comment=caf%E9");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->find("comment")->second, "caf\xE9");
}

}  // namespace
}  // namespace gazette::http
