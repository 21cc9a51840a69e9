// Image sizes with libvips (vips8 C++). vips is initialised once; its operations are thread-safe.
#include "media/image.h"

#include <vips/vips8>

#include <mutex>

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
    vips::VImage image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    ProcessedImage out;
    out.width = image.width();
    out.height = image.height();
    if (static_cast<long>(out.width) * out.height > kMaxImagePixels)
      return Error::Invalid("The image has too many pixels (at most 50 million).", "file");
    image = image.autorot();
    std::vector<int> widths;
    for (int w : kImageWidths)
      if (w < out.width) widths.push_back(w);
    if (out.width < kImageWidths[std::size(kImageWidths) - 1]) widths.push_back(out.width);
    const bool keep_png = mime == "image/png" || mime == "image/gif";
    for (int w : widths) {
      vips::VImage sized =
          w == out.width ? image : image.thumbnail_image(w, vips::VImage::option()->set("height", 100000));
      if (mime != "image/webp") {
        ImageFile f{sized.width(), keep_png ? "image/png" : "image/jpeg", keep_png ? "png" : "jpg", {}};
        f.data = keep_png
                     ? Encode(sized, ".png", vips::VImage::option()->set("strip", true))
                     : Encode(sized.has_alpha() ? sized.flatten(vips::VImage::option()->set("background", 255)) : sized,
                              ".jpg", vips::VImage::option()->set("Q", 82)->set("strip", true));
        out.files.push_back(std::move(f));
      }
      ImageFile webp{sized.width(), "image/webp", "webp", {}};
      webp.data = Encode(sized, ".webp", vips::VImage::option()->set("Q", 80)->set("strip", true));
      out.files.push_back(std::move(webp));
    }
    return out;
  } catch (const vips::VError& e) {
    return Error::Invalid("The image could not be read; it may be damaged.", "file");
  }
}

}  // namespace gazette::media
