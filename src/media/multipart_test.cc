// ParseMultipart: fields and binary files through GMime.
#include "media/multipart.h"

#include <gtest/gtest.h>

namespace gazette::media {
namespace {

TEST(MultipartTest, ReadsFieldsAndBinaryFiles) {
  const std::string binary("\x89PNG\r\n\x1A\n\0\0\r\n--not-the-boundary\r\nend", 36);
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      binary + "\r\n--XyZ--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ(FindPart(*parts, "csrf")->data, "abc123");
  const FormPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "photo.png");
  EXPECT_EQ(file->content_type, "image/png");
  EXPECT_EQ(file->data, binary);
}

TEST(MultipartTest, RefusesOtherTypesAndGarbage) {
  EXPECT_FALSE(ParseMultipart("application/json", "{}"));
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=a", "no parts at all"));
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=a\r\nX-Injected: 1", "--a--"));
}

}  // namespace
}  // namespace gazette::media
