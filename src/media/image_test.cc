// Image sniffing and the responsive sizes.
#include "media/image.h"

#include <gtest/gtest.h>
#include <vips/vips8>

#include <tuple>

namespace gazette::media {
namespace {

std::string TestImage(int width, int height, const char* suffix) {
  (void)MakeSizes("", "image/png");  // initialises libvips
  vips::VImage img = vips::VImage::black(width, height).linear(1.0, 120.0).cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  std::size_t size = 0;
  img.write_to_buffer(suffix, &buf, &size);
  std::string out(static_cast<const char*>(buf), size);
  g_free(buf);
  return out;
}

TEST(ImageTest, SniffsByContentNotName) {
  EXPECT_EQ(SniffImageType(TestImage(10, 10, ".png")), "image/png");
  EXPECT_EQ(SniffImageType(TestImage(10, 10, ".jpg")), "image/jpeg");
  EXPECT_EQ(SniffImageType(TestImage(10, 10, ".webp")), "image/webp");
  EXPECT_EQ(SniffImageType("GIF89a...."), "image/gif");
  EXPECT_FALSE(SniffImageType("Just some text pretending to be a JPEG"));
  EXPECT_FALSE(SniffImageType(""));
}

TEST(ImageTest, MakesResponsiveSizesAndWebp) {
  auto sizes = MakeSizes(TestImage(2000, 1000, ".jpg"), "image/jpeg");
  ASSERT_TRUE(sizes) << sizes.error().message;
  EXPECT_EQ(sizes->width, 2000);
  EXPECT_EQ(sizes->height, 1000);
  std::vector<std::pair<int, std::string>> got;
  for (const auto& f : sizes->files) {
    got.emplace_back(f.width, f.mime);
    EXPECT_EQ(SniffImageType(f.data), f.mime);
  }
  const std::vector<std::pair<int, std::string>> want = {{480, "image/jpeg"},  {480, "image/webp"},
                                                         {960, "image/jpeg"},  {960, "image/webp"},
                                                         {1600, "image/jpeg"}, {1600, "image/webp"}};
  EXPECT_EQ(got, want);
}

TEST(ImageTest, SmallImagesKeepTheirWidth) {
  auto sizes = MakeSizes(TestImage(600, 300, ".png"), "image/png");
  ASSERT_TRUE(sizes);
  ASSERT_EQ(sizes->files.size(), 4u);
  EXPECT_EQ(sizes->files[2].width, 600);
  EXPECT_EQ(sizes->files[2].mime, "image/png");
}

TEST(ImageTest, MakesTheThreeCropsInTheOriginalFormat) {
  auto sizes = MakeSizes(TestImage(2000, 1000, ".png"), "image/png");
  ASSERT_TRUE(sizes);
  std::vector<std::tuple<std::string, int, int>> got;
  for (const auto& c : sizes->crops) {
    got.emplace_back(c.ratio, c.width, c.height);
    EXPECT_EQ(SniffImageType(c.data), "image/png");
    vips::VImage decoded = vips::VImage::new_from_buffer(c.data.data(), c.data.size(), "");
    EXPECT_EQ(decoded.width(), c.width);
    EXPECT_EQ(decoded.height(), c.height);
  }
  const std::vector<std::tuple<std::string, int, int>> want = {
      {"16x9", 1200, 675}, {"4x3", 1200, 900}, {"1x1", 1000, 1000}};
  EXPECT_EQ(got, want);
  auto webp = MakeCrops(TestImage(400, 300, ".webp"), "image/webp");
  ASSERT_TRUE(webp);
  ASSERT_EQ(webp->size(), 3u);
  EXPECT_EQ((*webp)[0].mime, "image/webp");
  EXPECT_EQ((*webp)[0].width, 400);
  EXPECT_EQ((*webp)[0].height, 225);
  EXPECT_FALSE(MakeCrops("not an image", "image/png"));
}

TEST(ImageTest, RefusesUndecodableBytes) {
  auto r = MakeSizes("\xFF\xD8\xFF but then nothing", "image/jpeg");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace gazette::media
