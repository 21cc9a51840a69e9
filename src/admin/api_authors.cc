// The Admin API's authors: GET /api/admin/authors, GET and PATCH /api/admin/authors/SLUG
// ({"bio": "...", "photo_media_id": N or null}). Editors change anyone's profile; a writer their own
// (the author whose slug their name makes).
#include <nlohmann/json.hpp>

#include "admin/api.h"
#include "admin/api_json.h"
#include "common/text.h"
#include "content/authors.h"

namespace gazette::admin {

using nlohmann::json;

namespace {

json AuthorJson(const content::AuthorProfile& p) {
  return {{"name", p.author.name},
          {"slug", p.author.slug},
          {"bio", p.bio},
          {"photo_media_id", p.photo_media_id ? json(*p.photo_media_id) : json(nullptr)},
          {"published", p.published},
          {"path", content::AuthorPath(p.author)}};
}

}  // namespace

http::Response AdminApi::Authors(Call& c) const {
  const auto& p = c.parts;
  const std::string& m = c.req.method;
  if (p.size() == 1) {
    if (m != "GET") return JsonError(405, "Use GET.").Header("Allow", "GET");
    auto all = d_.articles.ListAuthors();
    if (!all) return JsonError(all.error());
    json out = json::array();
    for (const auto& a : *all) out.push_back(AuthorJson(a));
    return JsonResponse(200, {{"authors", out}});
  }
  if (p.size() != 2) return JsonError(404, "No such endpoint.");
  auto author = d_.articles.GetAuthor(p[1]);
  if (!author) return JsonError(author.error());
  if (m == "GET") return JsonResponse(200, {{"author", AuthorJson(*author)}});
  if (m != "PATCH") return JsonError(405, "Use GET or PATCH.").Header("Allow", "GET, PATCH");
  if (!accounts::CanEditOthersArticles(c.user) && text::Slugify(c.user.name) != author->author.slug)
    return JsonError(403, "Your role allows you to change your own author profile only.");
  std::string bio = author->bio;
  if (auto it = c.body.find("bio"); it != c.body.end()) {
    if (!it->is_string()) return JsonError(422, "\"bio\" is a string.", "bio");
    bio = it->get<std::string>();
  }
  std::optional<std::int64_t> photo = author->photo_media_id;
  if (auto it = c.body.find("photo_media_id"); it != c.body.end()) {
    if (it->is_null()) {
      photo.reset();
    } else if (it->is_number_integer() && it->get<std::int64_t>() > 0) {
      auto item = d_.media.Find(it->get<std::int64_t>());
      if (!item) return JsonError(422, "There is no such image in the media library.", "photo_media_id");
      photo = it->get<std::int64_t>();
    } else {
      return JsonError(422, "\"photo_media_id\" is an image's id or null.", "photo_media_id");
    }
  }
  if (auto st = d_.articles.UpdateAuthorProfile(author->author.slug, bio, photo); !st) return JsonError(st.error());
  auto saved = d_.articles.GetAuthor(author->author.slug);
  if (!saved) return JsonError(saved.error());
  return JsonResponse(200, {{"author", AuthorJson(*saved)}});
}

}  // namespace gazette::admin
