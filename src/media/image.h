// Images: recognising a format by its bytes, and making the responsive sizes with libvips.
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

struct ProcessedImage {
  int width = 0, height = 0;
  std::vector<ImageFile> files;
};

inline constexpr int kImageWidths[] = {480, 960, 1600};
inline constexpr long kMaxImagePixels = 50'000'000;

// Decodes the image and encodes each width of kImageWidths narrower than it (and its own width
// when under 1600), in its own format (GIF becomes PNG) and in WebP, without metadata.
// kInvalidArgument when libvips cannot decode it or it has more than kMaxImagePixels.
Result<ProcessedImage> MakeSizes(std::string_view bytes, const std::string& mime);

}  // namespace gazette::media
