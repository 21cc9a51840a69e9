// Image sizes and crops with libvips (vips8 C++). vips is initialised once; its operations are thread-safe.
#include "media/image.h"

#include <vips/vips8>

#include <mutex>

#include "media/crop.h"

namespace gazette::media {
namespace {

void EnsureVips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("gazette")) throw std::runtime_error("libvips failed to initialise");
    vips_cache_set_max(0);  // every upload is different: caching operations only costs memory
  });
}

std::string Encode(const vips::VImage& img, const char* suffix, vips::VOption* options) {
  void* buf = nullptr;
  std::size_t size = 0;
  img.write_to_buffer(suffix, &buf, &size, options);
  std::string out(static_cast<const char*>(buf), size);
  g_free(buf);
  return out;
}

// The file format of an output: "image/png", "image/jpeg" or "image/webp".
struct Format {
  const char* mime;
  const char* extension;
};
constexpr Format kPng{"image/png", "png"}, kJpeg{"image/jpeg", "jpg"}, kWebp{"image/webp", "webp"};

// What the sizes and crops of an upload of `mime` are kept in, besides WebP: GIF becomes PNG.
Format OwnFormat(const std::string& mime) {
  if (mime == "image/png" || mime == "image/gif") return kPng;
  return mime == "image/webp" ? kWebp : kJpeg;
}

std::string EncodeAs(const vips::VImage& img, Format f) {
  const std::string_view mime = f.mime;
  if (mime == kPng.mime) return Encode(img, ".png", vips::VImage::option()->set("strip", true));
  if (mime == kWebp.mime) return Encode(img, ".webp", vips::VImage::option()->set("Q", 80)->set("strip", true));
  return Encode(img.has_alpha() ? img.flatten(vips::VImage::option()->set("background", 255)) : img, ".jpg",
                vips::VImage::option()->set("Q", 82)->set("strip", true));
}

// Decodes `bytes`, reporting its stored size; throws vips::VError.
vips::VImage Decode(std::string_view bytes, int* width, int* height) {
  vips::VImage image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
  *width = image.width();
  *height = image.height();
  return image;
}

std::vector<CropFile> Crops(const vips::VImage& image, const std::string& mime) {
  const Format f = OwnFormat(mime);
  std::vector<CropFile> out;
  for (const AspectRatio& r : kCropRatios) {
    const CropSize size = CropSizeFor(image.width(), image.height(), r);
    if (size.empty()) continue;
    vips::VImage crop = image.thumbnail_image(
        size.width, vips::VImage::option()->set("height", size.height)->set("crop", VIPS_INTERESTING_ATTENTION));
    out.push_back({std::string(r.name), crop.width(), crop.height(), f.mime, f.extension, EncodeAs(crop, f)});
  }
  return out;
}

Error Undecodable() { return Error::Invalid("The image could not be read; it may be damaged.", "file"); }
Error TooManyPixels() { return Error::Invalid("The image has too many pixels (at most 50 million).", "file"); }

}  // namespace

std::optional<std::string> SniffImageType(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  if (b.size() >= 6 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) return "image/gif";
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
  return std::nullopt;
}

Result<ProcessedImage> MakeSizes(std::string_view bytes, const std::string& mime) {
  EnsureVips();
  try {
    ProcessedImage out;
    vips::VImage image = Decode(bytes, &out.width, &out.height);
    if (static_cast<long>(out.width) * out.height > kMaxImagePixels) return TooManyPixels();
    image = image.autorot();
    std::vector<int> widths;
    for (int w : kImageWidths)
      if (w < out.width) widths.push_back(w);
    if (out.width <= kImageWidths[std::size(kImageWidths) - 1]) widths.push_back(out.width);
    const Format own = OwnFormat(mime);
    for (int w : widths) {
      vips::VImage sized =
          w == out.width ? image : image.thumbnail_image(w, vips::VImage::option()->set("height", 100000));
      if (std::string_view(own.mime) != kWebp.mime)
        out.files.push_back({sized.width(), own.mime, own.extension, EncodeAs(sized, own)});
      out.files.push_back({sized.width(), kWebp.mime, kWebp.extension, EncodeAs(sized, kWebp)});
    }
    out.crops = Crops(image, mime);
    return out;
  } catch (const vips::VError& e) {
    return Undecodable();
  }
}

Result<std::vector<CropFile>> MakeCrops(std::string_view bytes, const std::string& mime) {
  EnsureVips();
  try {
    int width = 0, height = 0;
    vips::VImage image = Decode(bytes, &width, &height);
    if (static_cast<long>(width) * height > kMaxImagePixels) return TooManyPixels();
    return Crops(image.autorot(), mime);
  } catch (const vips::VError& e) {
    return Undecodable();
  }
}

}  // namespace gazette::media
