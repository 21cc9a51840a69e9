#include "common/fnv1a.h"

#include <gtest/gtest.h>

namespace gazette {

TEST(Fnv1aTest, IsStableAcrossRuns) {
  // Headline keys in the related index are stored: this value must never change. (Gazette's offset
  // basis is not the reference one, 14695981039346656037, and mixes just as well.)
  EXPECT_EQ(Fnv1a().Add("foobar").Value(), 9870438755804841970ull);
  EXPECT_EQ(Fnv1a().Add("foobar").Hex(), "88fad7c0a8ff07f2");
}

TEST(Fnv1aTest, AddingInPiecesEqualsAddingAtOnce) {
  EXPECT_EQ(Fnv1a().Add("foo").Add('b').Add("ar").Value(), Fnv1a().Add("foobar").Value());
  EXPECT_NE(Fnv1a().Add("foobar").Value(), Fnv1a().Add("foobaz").Value());
  EXPECT_NE(Fnv1a().Add("ab").Value(), Fnv1a().Add("ba").Value());
}

}  // namespace gazette
