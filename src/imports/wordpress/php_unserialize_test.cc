#include "imports/wordpress/php_unserialize.h"

#include <gtest/gtest.h>

namespace gazette::imports::wordpress {
namespace {

TEST(PhpUnserializeTest, ReadsAttachmentMetadata) {
  Result<PhpValue> v = PhpValue{};
  v = PhpUnserialize(
      "a:4:{s:5:\"width\";i:1200;s:4:\"file\";s:17:\"2020/01/photo.jpg\";s:5:\"ratio\";d:1.5;"
      "s:10:\"image_meta\";a:2:{s:7:\"caption\";s:0:\"\";i:3;N;}}");
  ASSERT_TRUE(v) << v.error().message;
  ASSERT_EQ(v->kind, PhpValue::Kind::kArray);
  EXPECT_EQ(v->Find("width")->integer, 1200);
  EXPECT_EQ(v->Find("file")->string, "2020/01/photo.jpg");
  EXPECT_DOUBLE_EQ(v->Find("ratio")->number, 1.5);
  EXPECT_EQ(v->Find("image_meta")->items.size(), 2u);
  EXPECT_EQ(v->Find("missing"), nullptr);
}

TEST(PhpUnserializeTest, CountsStringLengthsInBytes) {
  auto v = PhpUnserialize("s:5:\"caf\xc3\xa9\";");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->string, "caf\xc3\xa9");
}

TEST(PhpUnserializeTest, RefusesObjectsAndReferences) {
  EXPECT_FALSE(PhpUnserialize("O:8:\"stdClass\":0:{}"));
  EXPECT_FALSE(PhpUnserialize("C:3:\"Foo\":0:{}"));
  EXPECT_FALSE(PhpUnserialize("a:2:{i:0;s:1:\"a\";i:1;R:2;}"));
  auto nested = PhpUnserialize("a:1:{i:0;O:8:\"stdClass\":0:{}}");
  ASSERT_FALSE(nested);
  EXPECT_NE(nested.error().message.find("objects are refused"), std::string::npos);
}

TEST(PhpUnserializeTest, RefusesHostileInput) {
  for (const char* bad : {"", "s:99:\"short\";", "s:-1:\"\";", "a:1000000000:{}", "a:1:{i:0;i:1;", "i:12",
                          "b:2;", "d:;", "a:1:{a:0:{}i:1;}", "i:1;extra", "x:1;", "s:3:\"abc\"", "a:1:{d:1.5;i:1;}"}) {
    EXPECT_FALSE(PhpUnserialize(bad)) << bad;
  }
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "a:1:{i:0;";
  deep += "N;";
  for (int i = 0; i < 100; ++i) deep += "}";
  auto r = PhpUnserialize(deep);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("deeply"), std::string::npos);
  EXPECT_FALSE(PhpUnserialize(std::string(kMaxPhpBytes + 1, 'N')));
}

}  // namespace
}  // namespace gazette::imports::wordpress
