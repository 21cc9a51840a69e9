// The media library: upload (multipart/form-data, parsed by GMime), browse, copy the Markdown.
// Uploading needs the author role or above, as in WordPress (contributors cannot upload).
#include "admin/media_pages.h"

#include "http/errors.h"
#include "media/multipart.h"

namespace gazette::admin {

namespace {

bool CanUpload(const accounts::User& u) { return u.role >= accounts::Role::kAuthor; }

}  // namespace

http::Response MediaPages::MediaPage(const Visitor& v, const std::string& notice, const std::string& error,
                                     int status) const {
  ViewData page;
  if (CanUpload(v.user)) page.set("can_upload", true);
  auto list = media_.List();
  if (!list) return kit_.ErrorPage(list.error(), &v);
  ViewData items{ViewData::type::list};
  for (const auto& m : *list) {
    const media::Variant* medium = nullptr;
    for (const auto& var : m.variants)
      if (var.mime != "image/webp" || m.mime == "image/webp")
        if (!medium || (var.width <= 960 && var.width > medium->width)) medium = &var;
    if (!medium) continue;
    ViewData item;
    item.set("src", "/media/" + medium->file);
    item.set("alt", m.alt);
    item.set("size", std::to_string(m.width) + " × " + std::to_string(m.height));
    item.set("markdown",
             "![" + (m.alt.empty() ? std::string("Describe the image") : m.alt) + "](/media/" + medium->file + ")");
    items.push_back(item);
  }
  page.set("items", items);
  if (!notice.empty()) page.set("notice", notice);
  if (!error.empty()) page.set("error", error);
  return kit_.Page(status, "media", "Media", page, &v);
}

http::Response MediaPages::PostUpload(const http::Request& req, const Visitor& v) const {
  if (!CanUpload(v.user)) return MediaPage(v, "", "Your role does not allow you to upload images.", 403);
  auto parts = media::ParseMultipart(req.Header("content-type"), req.body);
  if (!parts) return MediaPage(v, "", parts.error().message, 400);
  const media::FormPart* file = media::FindPart(*parts, "file");
  if (!file || file->data.empty()) return MediaPage(v, "", "Choose an image file to upload.", 422);
  const media::FormPart* alt = media::FindPart(*parts, "alt");
  auto item = media_.Upload(file->data, alt ? alt->data : std::string(), v.user.id);
  if (!item) return MediaPage(v, "", item.error().message, http::StatusFor(item.error().code));
  return MediaPage(v, "Uploaded. Copy its Markdown into an article.", "", 201);
}

}  // namespace gazette::admin
