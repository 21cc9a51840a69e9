// Admin API: articles as JSON. Writing, publishing, scheduling and trashing are the article
// desk's (newsroom/article_desk.h), which applies the role rules; this file only translates.
#include <nlohmann/json.hpp>

#include "admin/api.h"
#include "admin/api_json.h"
#include "comments/commenting.h"
#include "common/text.h"

namespace gazette::admin {

using content::EditorialState;
using nlohmann::json;

namespace {

Result<std::optional<std::string>> StringField(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Error::Invalid(std::string("\"") + name + "\" must be a string.", name);
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<std::vector<std::string>>> NamesField(const json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  const std::string shape = "\"" + field + "\" must be an array of names.";
  if (!it->is_array()) return Error::Invalid(shape, field);
  std::vector<std::string> names;
  for (const auto& t : *it) {
    if (!t.is_string()) return Error::Invalid(shape, field);
    names.push_back(t.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(names));
}

// "authors": ["A", "B"] (the byline, in order); "author": "A" is one author, as before joint bylines.
Result<std::optional<std::vector<std::string>>> AuthorsField(const json& body) {
  auto list = NamesField(body, "authors");
  if (!list || *list) return list;
  auto one = StringField(body, "author");
  if (!one) return one.error();
  if (!*one) return std::optional<std::vector<std::string>>();
  return std::optional<std::vector<std::string>>(std::vector<std::string>{**one});
}

// "featured_image": {"media_id": 3, "alt": "...", "caption": "..."} sets it; null removes it.
Result<std::optional<content::FeaturedImage>> FeaturedField(const json& body) {
  auto it = body.find("featured_image");
  if (it == body.end()) return std::optional<content::FeaturedImage>();
  if (it->is_null()) return std::optional<content::FeaturedImage>(content::FeaturedImage{});  // media_id 0
  const std::string shape = "\"featured_image\" is null or {\"media_id\": N, \"alt\": \"...\", \"caption\": \"...\"}.";
  if (!it->is_object()) return Error::Invalid(shape, "featured_image");
  auto id = it->find("media_id");
  if (id == it->end() || !id->is_number_integer() || id->get<std::int64_t>() <= 0)
    return Error::Invalid(shape, "featured_image");
  content::FeaturedImage image;
  image.media_id = id->get<std::int64_t>();
  for (auto [name, slot] : {std::pair{"alt", &image.alt}, {"caption", &image.caption}}) {
    auto v = StringField(*it, name);
    if (!v) return Error::Invalid(shape, "featured_image");
    *slot = v->value_or("");
  }
  return std::optional<content::FeaturedImage>(std::move(image));
}

struct StatusRequest {
  std::optional<EditorialState> state;  // nullopt: not asked for
  UnixTime publish_at = 0;
};

Result<StatusRequest> StatusField(const json& body, UnixTime now) {
  StatusRequest out;
  auto status = StringField(body, "status");
  if (!status) return status.error();
  auto at = StringField(body, "publish_at");
  if (!at) return at.error();
  if (*status) {
    out.state = content::ParseEditorialState(**status);
    if (!out.state || *out.state == EditorialState::kTrash)
      return Error::Invalid("\"status\" is draft, published or scheduled.", "status");
  }
  if (*at && (!out.state || *out.state == EditorialState::kScheduled)) {
    auto t = ParseIso8601(**at);
    if (!t) return Error::Invalid("\"publish_at\" must be a date and time like 2026-12-01T09:00:00Z.", "publish_at");
    out.publish_at = *t;
    out.state = EditorialState::kScheduled;
  }
  if (out.state == EditorialState::kScheduled) {
    if (!out.publish_at) return Error::Invalid("A scheduled article needs \"publish_at\".", "publish_at");
    if (out.publish_at <= now) return Error::Invalid("\"publish_at\" must be in the future.", "publish_at");
  }
  return out;
}

// The text fields of a body. The byline may only be set by those who edit others' articles.
Result<content::ArticleChanges> ChangesFrom(const json& body) {
  content::ArticleChanges c;
  for (auto [name, slot] : {std::pair{"title", &c.title},
                            {"markdown", &c.markdown},
                            {"excerpt", &c.excerpt},
                            {"slug", &c.slug},
                            {"correction", &c.correction}}) {
    auto v = StringField(body, name);
    if (!v) return v.error();
    *slot = std::move(*v);
  }
  auto tags = NamesField(body, "tags");
  if (!tags) return tags.error();
  c.tags = std::move(*tags);
  auto authors = AuthorsField(body);
  if (!authors) return authors.error();
  c.authors = std::move(*authors);
  auto featured = FeaturedField(body);
  if (!featured) return featured.error();
  c.featured_image = std::move(*featured);
  return c;
}

// "comments": "default" | "open" | "closed", if there.
Result<std::optional<comments::ArticleCommenting>> CommentingField(const json& body) {
  auto word = StringField(body, "comments");
  if (!word) return word.error();
  if (!*word) return std::optional<comments::ArticleCommenting>();
  auto choice = comments::ParseArticleCommenting(**word);
  if (!choice) return Error::Invalid("\"comments\" is default (the site's rules), open or closed.", "comments");
  return choice;
}

// A body as one save for the desk.
Result<newsroom::ArticleSubmission> SubmissionFrom(const json& body, UnixTime now) {
  newsroom::ArticleSubmission s;
  auto changes = ChangesFrom(body);
  if (!changes) return changes.error();
  s.changes = std::move(*changes);
  auto status = StatusField(body, now);
  if (!status) return status.error();
  s.state = status->state;
  s.publish_at = status->publish_at;
  auto commenting = CommentingField(body);
  if (!commenting) return commenting.error();
  s.commenting = *commenting;
  return s;
}

// The desk's error as JSON: an error in the featured image's words is the field "featured_image".
http::Response DeskError(Error e) {
  if (e.field.starts_with("featured_")) e.field = "featured_image";
  return JsonError(e);
}

}  // namespace

json AdminApi::ArticleOut(const content::EditorialArticle& e) const {
  const auto site = d_.site.Current();
  json j = ArticleJson(e, site->settings, site->permalink, d_.clock.Now());
  auto choice = d_.comments.Commenting(e.article.id);
  j["comments"] = comments::ToString(choice ? *choice : comments::ArticleCommenting::kSiteDefault);
  return j;
}

http::Response AdminApi::CreateArticle(Call& c) const {
  auto s = SubmissionFrom(c.body, d_.clock.Now());
  if (!s) return JsonError(s.error());
  s->kind = c.kind;
  auto id = d_.desk.Save(c.user, *s);
  if (!id) return DeskError(id.error());
  auto e = d_.editorial.Get(*id);
  if (!e) return JsonError(e.error());
  http::Response r = JsonResponse(201, {{"article", ArticleOut(*e)}});
  r.Header("Location", std::string(c.kind == content::ArticleKind::kPage ? "/api/admin/pages/" : "/api/admin/articles/") +
                          std::to_string(*id));
  return r;
}

http::Response AdminApi::PatchArticle(Call& c, content::ArticleId id) const {
  auto s = SubmissionFrom(c.body, d_.clock.Now());
  if (!s) return JsonError(s.error());
  s->id = id;
  s->kind = c.kind;
  if (auto saved = d_.desk.Save(c.user, *s); !saved) return DeskError(saved.error());
  return GetArticle(c, id);
}

http::Response AdminApi::DeleteArticle(Call& c, content::ArticleId id) const {
  if (auto e = OfKind(c, id); !e) return JsonError(e.error());
  if (auto st = d_.desk.Trash(c.user, id); !st) return JsonError(st.error());
  return GetArticle(c, id);
}

http::Response AdminApi::ArticleAction(Call& c, content::ArticleId id, const std::string& action) const {
  if (auto e = OfKind(c, id); !e) return JsonError(e.error());
  Status st;
  if (action == "restore") {
    st = d_.desk.Restore(c.user, id);
  } else if (action == "publish") {
    st = d_.desk.Publish(c.user, id);
  } else if (action == "unpublish") {
    st = d_.desk.Unpublish(c.user, id);
  } else if (action == "schedule") {
    json body = c.body;
    body["status"] = "scheduled";
    auto status = StatusField(body, d_.clock.Now());
    if (!status) return JsonError(status.error());
    st = d_.desk.Schedule(c.user, id, status->publish_at);
  } else {
    return JsonError(404, "No such action: use publish, unpublish, schedule or restore.");
  }
  if (!st) return JsonError(st.error());
  return GetArticle(c, id);
}

http::Response AdminApi::ListTags(Call& c) const {
  auto tags = d_.articles.ListTags();
  if (!tags) return JsonError(tags.error());
  json out = json::array();
  for (const auto& t : *tags) out.push_back({{"id", t.id}, {"name", t.name}, {"slug", t.slug}});
  return JsonResponse(200, {{"tags", out}});
}

}  // namespace gazette::admin
