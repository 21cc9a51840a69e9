// Media: uploaded images, each kept in responsive sizes (and WebP) under content-hash names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/safe_html.h"
#include "common/time.h"

namespace gazette::media {

// One stored file of an image: "3f2a...-960.jpg", 960 px wide.
struct Variant {
  int width = 0;
  std::string file;  // name inside the media folder; served at /media/<file>
  std::string mime;  // "image/jpeg", "image/png", "image/webp"
};

// One fixed-ratio crop of an image (media/crop.h), for structured data: "3f2a...-16x9-1200.jpg".
struct Crop {
  std::string ratio;  // AspectRatio::name: "16x9", "4x3", "1x1"
  int width = 0, height = 0;
  std::string file;  // name inside the media folder; served at /media/<file>
  std::string mime;  // the original's format (PNG for GIF)
};

struct MediaItem {
  std::int64_t id = 0;
  std::string hash;  // of the original bytes; the prefix of every file name
  std::string mime;  // of the original
  int width = 0, height = 0;
  std::int64_t bytes = 0;
  std::vector<Variant> variants;  // by width; each width in the original format and in WebP
  std::string alt;
  std::int64_t uploaded_by = 0;
  UnixTime created_at = 0;
  // In kCropRatios order (media/crop.h); empty for an image stored before crops were made, until
  // MediaService::AddCrops makes them.
  std::vector<Crop> crops;
};

// Implementations are thread-safe.
class MediaRepository {
 public:
  virtual ~MediaRepository() = default;
  virtual Result<MediaItem> Insert(const MediaItem& item) = 0;
  // kNotFound when no image has this hash.
  virtual Result<MediaItem> FindByHash(std::string_view hash) const = 0;
  // kNotFound when there is no such image.
  virtual Result<MediaItem> FindById(std::int64_t id) const = 0;
  // Newest first.
  virtual Result<std::vector<MediaItem>> List() const = 0;
  // Replaces the image's crops (the files are written first). Cached pages that show the image
  // are invalidated. kNotFound when there is no such image.
  virtual Status SetCrops(std::int64_t id, const std::vector<Crop>& crops) = 0;
};

// The largest file of `mime` (the original format when empty).
const Variant* Largest(const MediaItem& item, std::string_view mime = {});
// The crop of `ratio` ("16x9"), or nullptr when it has not been made.
const Crop* FindCrop(const MediaItem& item, std::string_view ratio);
// The height of a file of the image, from the original's proportions (0 if they are unknown).
int HeightOf(const MediaItem& item, const Variant& variant);
// How wide the image is drawn, for the browser to pick a file from srcset before layout: the
// width of the article column, or of a card's image (the default theme's style.css: a column of
// 12rem beside the text from 36rem up, the width of the page below).
inline constexpr std::string_view kArticleSizes = "(max-width: 50rem) 100vw, 50rem";
inline constexpr std::string_view kCardSizes = "(min-width: 36rem) 12rem, calc(100vw - 2rem)";

// <picture> with a WebP <source> and an <img> with srcset, sizes, width and height. `alt` is
// escaped here. `lazy`: loaded only when scrolled near (not for an image at the top of a page).
SafeHtml PictureHtml(const MediaItem& item, std::string_view alt, bool lazy = true,
                     std::string_view sizes = kArticleSizes);
// A featured image: <figure> with the picture, loaded at once, and the caption (escaped) if any.
SafeHtml FigureHtml(const MediaItem& item, std::string_view alt, std::string_view caption);

}  // namespace gazette::media
