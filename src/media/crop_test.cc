// Crop geometry: exact ratios, 1,200 px where the image allows, the largest crop where it does not.
#include "media/crop.h"

#include <gtest/gtest.h>

namespace gazette::media {
namespace {

constexpr AspectRatio kWide = kCropRatios[0], kFourThree = kCropRatios[1], kSquare = kCropRatios[2];

TEST(CropTest, LargeImagesGiveCropsExactly1200Wide) {
  EXPECT_EQ(CropSizeFor(4000, 3000, kWide), (CropSize{1200, 675}));
  EXPECT_EQ(CropSizeFor(4000, 3000, kFourThree), (CropSize{1200, 900}));
  EXPECT_EQ(CropSizeFor(4000, 3000, kSquare), (CropSize{1200, 1200}));
  // A panorama is cut at the sides; its height still allows 1,200 px wide crops.
  EXPECT_EQ(CropSizeFor(6000, 1300, kSquare), (CropSize{1200, 1200}));
}

TEST(CropTest, SmallerImagesGiveTheLargestCropTheyHold) {
  EXPECT_EQ(CropSizeFor(800, 600, kWide), (CropSize{800, 450}));
  EXPECT_EQ(CropSizeFor(800, 600, kFourThree), (CropSize{800, 600}));
  EXPECT_EQ(CropSizeFor(800, 600, kSquare), (CropSize{600, 600}));
  // 1800 x 900 allows 16:9 at 1,200 but a square only at its height.
  EXPECT_EQ(CropSizeFor(1800, 900, kWide), (CropSize{1200, 675}));
  EXPECT_EQ(CropSizeFor(1800, 900, kSquare), (CropSize{900, 900}));
}

TEST(CropTest, RatiosAreExactWhenTheImageIsNotAMultiple) {
  const CropSize c = CropSizeFor(1001, 701, kWide);
  EXPECT_EQ(c, (CropSize{992, 558}));
  EXPECT_EQ(c.width * 9, c.height * 16);
  for (int w = 1; w < 3000; w += 97)
    for (const auto& r : kCropRatios) {
      const CropSize s = CropSizeFor(w, 2017 - w / 2, r);
      if (s.empty()) continue;
      EXPECT_EQ(s.width * r.down, s.height * r.across) << w;
      EXPECT_LE(s.width, w);
      EXPECT_LE(s.height, 2017 - w / 2);
      EXPECT_LE(s.width, kCropWidth);
    }
}

TEST(CropTest, TooSmallOrEmptyImagesHaveNoCrop) {
  EXPECT_TRUE(CropSizeFor(15, 100, kWide).empty());
  EXPECT_TRUE(CropSizeFor(0, 0, kSquare).empty());
  EXPECT_EQ(CropSizeFor(1, 1, kSquare), (CropSize{1, 1}));
}

TEST(CropTest, RatiosAreFoundByName) {
  ASSERT_NE(FindCropRatio("4x3"), nullptr);
  EXPECT_EQ(FindCropRatio("4x3")->across, 4);
  EXPECT_EQ(FindCropRatio("3x2"), nullptr);
}

}  // namespace
}  // namespace gazette::media
