// Media markup.
#include "media/media.h"

#include "common/text.h"

namespace gazette::media {

const Variant* Largest(const MediaItem& item, std::string_view mime) {
  const std::string_view want =
      mime.empty() ? std::string_view(item.variants.empty() ? "" : item.variants.front().mime) : mime;
  const Variant* best = nullptr;
  for (const auto& v : item.variants)
    if (v.mime == want && (!best || v.width > best->width)) best = &v;
  return best;
}

const Crop* FindCrop(const MediaItem& item, std::string_view ratio) {
  for (const auto& c : item.crops)
    if (c.ratio == ratio) return &c;
  return nullptr;
}

int HeightOf(const MediaItem& item, const Variant& variant) {
  return item.width ? item.height * variant.width / item.width : 0;
}

namespace {

std::string Srcset(const MediaItem& item, std::string_view mime) {
  std::string out;
  for (const auto& v : item.variants) {
    if (v.mime != mime) continue;
    if (!out.empty()) out += ", ";
    out += "/media/" + v.file + " " + std::to_string(v.width) + "w";
  }
  return out;
}

}  // namespace

SafeHtml PictureHtml(const MediaItem& item, std::string_view alt, bool lazy, std::string_view sizes_view) {
  const Variant* fallback = nullptr;
  for (const auto& v : item.variants)
    if (v.mime != "image/webp" && (!fallback || v.width > fallback->width)) fallback = &v;
  const Variant* webp = Largest(item, "image/webp");
  if (!fallback) fallback = webp;
  if (!fallback) return {};
  const int height = HeightOf(item, *fallback);
  const std::string sizes = text::EscapeHtml(sizes_view);
  std::string html = "<picture>";
  if (webp && fallback != webp)
    html += "<source type=\"image/webp\" srcset=\"" + Srcset(item, "image/webp") + "\" sizes=\"" + sizes + "\">";
  html += "<img src=\"/media/" + fallback->file + "\" srcset=\"" + Srcset(item, fallback->mime) + "\" sizes=\"" +
          sizes + "\" width=\"" + std::to_string(fallback->width) + "\" height=\"" + std::to_string(height) +
          "\" alt=\"" + text::EscapeHtml(alt) + (lazy ? "\" loading=\"lazy\"" : "\"") +
          " decoding=\"async\"></picture>";
  return SafeHtml::Trusted(std::move(html));
}

SafeHtml FigureHtml(const MediaItem& item, std::string_view alt, std::string_view caption) {
  const SafeHtml picture = PictureHtml(item, alt, false);
  if (picture.empty()) return {};
  std::string html = "<figure class=\"featured-image\">" + picture.str();
  if (!caption.empty()) html += "<figcaption>" + text::EscapeHtml(caption) + "</figcaption>";
  return SafeHtml::Trusted(html + "</figure>");
}

}  // namespace gazette::media
