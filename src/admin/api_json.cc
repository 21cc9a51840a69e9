// JSON forms for the Admin API. Invalid UTF-8 is replaced rather than thrown on.
#include "admin/api_json.h"

#include "http/errors.h"

namespace gazette::admin {

using nlohmann::json;

json ArticleJson(const content::EditorialArticle& e, const content::SiteSettings& site,
                 const content::Permalink& permalink, UnixTime now) {
  const content::Article& a = e.article;
  content::Article dated = a;
  if (!dated.published_at) dated.published_at = e.scheduled_at ? e.scheduled_at : now;
  json tags = json::array();
  for (const auto& t : a.tags) tags.push_back({{"name", t.name}, {"slug", t.slug}});
  json authors = json::array();
  for (const auto& x : a.authors)
    authors.push_back({{"name", x.name}, {"slug", x.slug}, {"url", site.url + "/author/" + x.slug + "/"}});
  json j = {{"id", a.id},
            {"kind", content::ToString(a.kind)},
            {"slug", a.slug},
            {"title", a.title},
            {"markdown", a.markdown},
            {"html", a.html},
            {"excerpt", a.excerpt},
            {"author", a.author},  // the byline as text
            {"authors", authors},
            {"status", content::ToString(e.state)},
            {"tags", tags},
            {"primary_tag", a.tags.empty() ? json(nullptr) : json(a.tags.front().name)},
            {"url", site.url + permalink.PathFor(dated)},
            {"admin_url", site.url + "/admin/articles/" + std::to_string(a.id) + "/edit"},
            {"owner_id", e.owner ? json(e.owner) : json(nullptr)},
            {"published_at", a.published_at ? json(FormatIso8601(a.published_at)) : json(nullptr)},
            {"publish_at", e.scheduled_at ? json(FormatIso8601(e.scheduled_at)) : json(nullptr)},
            {"created_at", FormatIso8601(a.created_at)},
            {"updated_at", FormatIso8601(a.updated_at ? a.updated_at : a.created_at)}};
  json corrections = json::array();
  for (const auto& c : a.corrections) corrections.push_back({{"note", c.note}, {"at", FormatIso8601(c.at)}});
  j["corrections"] = std::move(corrections);
  j["featured_image"] = a.featured_image ? json{{"media_id", a.featured_image->media_id},
                                                {"alt", a.featured_image->alt},
                                                {"caption", a.featured_image->caption}}
                                         : json(nullptr);
  return j;
}

json CommentJson(const comments::Comment& c) {
  return {{"id", c.id},
          {"article_id", c.article_id},
          {"parent_id", c.parent_id ? json(*c.parent_id) : json(nullptr)},
          {"name", c.name},
          {"website", c.website},
          {"body", c.body},
          {"status", comments::ToString(c.status)},
          {"created_at", FormatIso8601(c.created_at)}};
}

http::Response JsonResponse(int status, const json& body) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  r.Header("Cache-Control", "no-store");
  r.Header("X-Content-Type-Options", "nosniff");
  r.route = "admin_api";
  return r;
}

http::Response JsonError(int status, const std::string& message, const std::string& field) {
  json err = {{"status", status}, {"message", message}};
  if (!field.empty()) err["field"] = field;
  http::Response r = JsonResponse(status, {{"error", err}});
  if (status == 401) r.Header("WWW-Authenticate", "Bearer realm=\"gazette\"");
  return r;
}

http::Response JsonError(const Error& error) {
  http::Response r = JsonError(http::StatusFor(error.code), error.message, error.field);
  http::MarkAsError(r, error.code);
  return r;
}

}  // namespace gazette::admin
