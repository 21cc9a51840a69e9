// The Content API's JSON. Times are ISO 8601 in UTC; URLs are absolute, from site.url.
#include "http/api_json.h"

#include "common/text.h"
#include "content/authors.h"
#include "themes/comment_html.h"

namespace gazette::http {
namespace {

std::string TagUrl(const content::SiteSettings& site, const content::Tag& tag) {
  return site.url + text::EncodePath("/tag/" + tag.slug + "/");
}

nlohmann::json ImageJson(const content::SiteSettings& site, const content::FeaturedImage& f,
                         const media::MediaItem& item) {
  return {{"url", MediaUrl(site, item)},
          {"width", item.width},
          {"height", item.height},
          {"alt", f.alt.empty() ? item.alt : f.alt},
          {"caption", f.caption}};
}

}  // namespace

std::string MediaUrl(const content::SiteSettings& site, const media::MediaItem& item) {
  const media::Variant* v = media::Largest(item);
  return v ? site.url + "/media/" + v->file : "";
}

nlohmann::json ArticleJson(const content::SiteView& site, const content::Article& a,
                           const std::optional<media::MediaItem>& image, bool with_html) {
  nlohmann::json authors = nlohmann::json::array(), tags = nlohmann::json::array(),
                 corrections = nlohmann::json::array();
  for (const auto& au : a.authors)
    authors.push_back(
        {{"id", au.id}, {"name", au.name}, {"slug", au.slug}, {"url", site.settings.url + content::AuthorPath(au)}});
  for (const auto& t : a.tags) tags.push_back(TagJson(site.settings, t));
  for (const auto& c : a.corrections) corrections.push_back({{"note", c.note}, {"at", FormatIso8601(c.at)}});
  nlohmann::json j = {{"id", a.id},
                      {"slug", a.slug},
                      {"title", a.title},
                      {"url", site.settings.url + text::EncodePath(site.permalink.PathFor(a))},
                      {"excerpt", a.excerpt},
                      {"byline", a.author},
                      {"authors", std::move(authors)},
                      {"tags", std::move(tags)},
                      {"primary_tag", a.PrimaryTag() ? TagJson(site.settings, *a.PrimaryTag()) : nlohmann::json()},
                      {"published_at", FormatIso8601(a.published_at)},
                      {"updated_at", FormatIso8601(content::LastEdited(a))},
                      {"featured_image", a.featured_image && image ? ImageJson(site.settings, *a.featured_image, *image)
                                                                   : nlohmann::json()},
                      {"corrections", std::move(corrections)}};
  if (with_html) j["html"] = a.html;
  return j;
}

nlohmann::json TagJson(const content::SiteSettings& site, const content::Tag& tag, std::optional<int> count) {
  nlohmann::json j = {{"id", tag.id}, {"name", tag.name}, {"slug", tag.slug}, {"url", TagUrl(site, tag)}};
  if (count) j["count"] = *count;
  return j;
}

nlohmann::json AuthorJson(const content::SiteSettings& site, const content::AuthorProfile& p,
                          const std::optional<media::MediaItem>& photo) {
  return {{"id", p.author.id},     {"name", p.author.name},
          {"slug", p.author.slug}, {"url", site.url + content::AuthorPath(p.author)},
          {"bio", p.bio},          {"photo", photo ? nlohmann::json(MediaUrl(site, *photo)) : nlohmann::json()},
          {"count", p.published}};
}

nlohmann::json CommentJson(const std::string& article_url, const comments::Comment& c) {
  return {{"id", c.id},
          {"article_id", c.article_id},
          {"parent_id", c.parent_id ? nlohmann::json(*c.parent_id) : nlohmann::json()},
          {"author_name", c.name},
          {"author_url", c.website},
          {"body", c.body},
          {"html", themes::CommentBodyHtml(c.body).str()},
          {"created_at", FormatIso8601(c.created_at)},
          {"url", article_url + "#comment-" + std::to_string(c.id)}};
}

}  // namespace gazette::http
