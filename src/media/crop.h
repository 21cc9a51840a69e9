// Crops: the fixed-ratio versions of an image that search engines ask for (Google's article
// structured data wants 16:9, 4:3 and 1:1, each at least 1,200 px wide). Geometry only, no pixels.
#pragma once

#include <string>
#include <string_view>

namespace gazette::media {

struct AspectRatio {
  int across = 1, down = 1;
  std::string_view name;  // "16x9": in file names and the stored record
};

// The crops made of every image, in the order structured data lists them.
inline constexpr AspectRatio kCropRatios[] = {{16, 9, "16x9"}, {4, 3, "4x3"}, {1, 1, "1x1"}};
// How wide a crop is made when the image allows it.
inline constexpr int kCropWidth = 1200;

struct CropSize {
  int width = 0, height = 0;
  bool empty() const { return width == 0 || height == 0; }
  bool operator==(const CropSize&) const = default;
};

// The size of the `ratio` crop of a `width` x `height` image: the largest area of that ratio the
// image holds, scaled down to `target_width` when wider. The width is a multiple of
// `ratio.across`, so the ratio is exact. Empty when the image is smaller than the ratio itself
// (e.g. 15 px wide for 16:9) or has no pixels. Never wider or taller than the image.
CropSize CropSizeFor(int width, int height, AspectRatio ratio, int target_width = kCropWidth);

// The ratio named `name` ("16x9"), or nullptr.
const AspectRatio* FindCropRatio(std::string_view name);

}  // namespace gazette::media
