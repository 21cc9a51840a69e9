// Images: recognising a format by its bytes, and making the responsive sizes and the crops with libvips.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gazette::media {

// "image/jpeg", "image/png", "image/gif" or "image/webp" from the file's first bytes (never its
// name or claimed type); nullopt for anything else.
std::optional<std::string> SniffImageType(std::string_view bytes);

struct ImageFile {
  int width = 0;
  std::string mime;
  std::string extension;  // "jpg", "png", "webp"
  std::string data;
};

// One crop of kCropRatios (media/crop.h), encoded.
struct CropFile {
  std::string ratio;  // "16x9"
  int width = 0, height = 0;
  std::string mime;
  std::string extension;
  std::string data;
};

struct ProcessedImage {
  int width = 0, height = 0;
  std::vector<ImageFile> files;
  std::vector<CropFile> crops;
};

inline constexpr int kImageWidths[] = {480, 960, 1600};
inline constexpr long kMaxImagePixels = 50'000'000;

// Decodes the image and encodes each width of kImageWidths narrower than it (and its own width
// when under 1600), in its own format (GIF becomes PNG) and in WebP, without metadata; and its
// crops, as MakeCrops does. kInvalidArgument when libvips cannot decode it or it has more than
// kMaxImagePixels.
Result<ProcessedImage> MakeSizes(std::string_view bytes, const std::string& mime);

// Decodes the image and encodes one crop per ratio of kCropRatios, sized by CropSizeFor, in its own
// format (GIF becomes PNG; WebP stays WebP), without metadata. The crop keeps the part of the image
// libvips finds most interesting (its "attention" strategy), not just the centre. A ratio the image
// is too small for is left out. Errors as MakeSizes.
Result<std::vector<CropFile>> MakeCrops(std::string_view bytes, const std::string& mime);

}  // namespace gazette::media
