// Admin API: image uploads (multipart/form-data with a "file" part) and the media library.
#include <nlohmann/json.hpp>

#include "admin/api.h"
#include "admin/api_json.h"
#include "media/multipart.h"

namespace gazette::admin {

using nlohmann::json;

namespace {

json MediaJson(const media::MediaItem& m, const std::string& site_url) {
  json variants = json::array();
  for (const auto& v : m.variants)
    variants.push_back({{"width", v.width}, {"type", v.mime}, {"url", site_url + "/media/" + v.file}});
  json crops = json::array();
  for (const auto& c : m.crops)
    crops.push_back({{"ratio", c.ratio},
                     {"width", c.width},
                     {"height", c.height},
                     {"type", c.mime},
                     {"url", site_url + "/media/" + c.file}});
  const media::Variant* largest = media::Largest(m);
  return {{"id", m.id},
          {"hash", m.hash},
          {"type", m.mime},
          {"width", m.width},
          {"height", m.height},
          {"bytes", m.bytes},
          {"alt", m.alt},
          {"variants", variants},
          {"crops", crops},
          {"markdown", largest ? "![" + m.alt + "](/media/" + largest->file + ")" : std::string()},
          {"html", media::PictureHtml(m, m.alt).str()}};
}

}  // namespace

http::Response AdminApi::Media(Call& c) const {
  const auto site = d_.site.Current();
  if (c.req.method == "GET") {
    auto list = d_.media.List();
    if (!list) return JsonError(list.error());
    json out = json::array();
    for (const auto& m : *list) out.push_back(MediaJson(m, site->settings.url));
    return JsonResponse(200, {{"media", out}});
  }
  if (c.req.method != "POST") return JsonError(405, "Use GET or POST.").Header("Allow", "GET, POST");
  if (c.user.role < accounts::Role::kAuthor) return JsonError(403, "Your role does not allow you to upload images.");
  if (c.req.body.size() > media::MediaService::kMaxUploadBytes + 64 * 1024)
    return JsonError(413, "The image is larger than 10 MiB.");
  auto parts = media::ParseMultipart(c.req.Header("content-type"), c.req.body);
  if (!parts) return JsonError(400, parts.error().message);
  const media::FormPart* file = media::FindPart(*parts, "file");
  if (!file || file->data.empty()) return JsonError(422, "Send the image in a part named \"file\".", "file");
  const media::FormPart* alt = media::FindPart(*parts, "alt");
  auto item = d_.media.Upload(file->data, alt ? alt->data : std::string(), c.user.id);
  if (!item) return JsonError(item.error());
  return JsonResponse(201, {{"media", MediaJson(*item, site->settings.url)}});
}

}  // namespace gazette::admin
