// WordPress REST shapes. Keys and types follow the handbook's schemas; members Gazette has no use
// for keep WordPress's neutral values ("standard" format, no template, empty meta), so that
// clients that read them find what they expect.
#include "http/wp_rest_json.h"

#include <algorithm>

#include "common/text.h"
#include "content/authors.h"
#include "http/api_json.h"
#include "themes/comment_html.h"

namespace gazette::http {
namespace {

using nlohmann::json;

json Href(const std::string& url) { return json::array({{{"href", url}}}); }
json Embeddable(const std::string& url) { return json::array({{{"embeddable", true}, {"href", url}}}); }
json Rendered(const std::string& html) { return {{"rendered", html}}; }

std::string ArticleUrl(const WpContext& wp, const content::Article& a) {
  return wp.site.settings.url + text::EncodePath(wp.site.permalink.PathFor(a));
}

// The excerpt as WordPress renders it: a paragraph of HTML.
std::string ExcerptHtml(const std::string& plain) {
  return plain.empty() ? "" : "<p>" + text::EscapeHtml(plain) + "</p>\n";
}

}  // namespace

bool WpContext::IsCategory(const content::Tag& t) const {
  return std::any_of(categories.begin(), categories.end(), [&](const content::Tag& c) { return c.slug == t.slug; });
}

std::string WpDate(UnixTime t) {
  std::string s = FormatIso8601(t);
  if (!s.empty() && s.back() == 'Z') s.pop_back();
  return s;
}

json WpPost(const WpContext& wp, const content::Article& a, bool is_page) {
  const std::string self = wp.api + (is_page ? "/pages/" : "/posts/") + std::to_string(a.id);
  const std::int64_t author = a.authors.empty() ? 0 : a.authors.front().id;
  const std::int64_t media = a.featured_image ? a.featured_image->media_id : 0;
  const UnixTime modified = content::LastEdited(a);
  json j = {{"id", a.id},
            {"date", WpDate(a.published_at)},
            {"date_gmt", WpDate(a.published_at)},
            // The stable address feeds use as their id: it answers 301 to the article.
            {"guid", Rendered(wp.site.settings.url + "/?p=" + std::to_string(a.id))},
            {"modified", WpDate(modified)},
            {"modified_gmt", WpDate(modified)},
            {"slug", a.slug},
            {"status", "publish"},
            {"type", is_page ? "page" : "post"},
            {"link", ArticleUrl(wp, a)},
            {"title", Rendered(text::EscapeHtml(a.title))},
            {"content", {{"rendered", a.html}, {"protected", false}}},
            {"excerpt", {{"rendered", ExcerptHtml(a.excerpt)}, {"protected", false}}},
            {"author", author},
            {"featured_media", media},
            {"comment_status", "open"},
            {"ping_status", "closed"},
            {"template", ""},
            {"meta", json::array()}};
  json links = {{"self", Href(self)},
                {"collection", Href(wp.api + (is_page ? "/pages" : "/posts"))},
                {"about", Href(wp.api + (is_page ? "/types/page" : "/types/post"))},
                {"author", Embeddable(wp.api + "/users/" + std::to_string(author))},
                {"replies", Embeddable(wp.api + "/comments?post=" + std::to_string(a.id))}};
  if (media) links["wp:featuredmedia"] = Embeddable(wp.api + "/media/" + std::to_string(media));
  if (is_page) {
    j["parent"] = 0;
    j["menu_order"] = 0;
  } else {
    json categories = json::array(), tags = json::array();
    for (const auto& t : a.tags) {
      tags.push_back(t.id);
      if (wp.IsCategory(t)) categories.push_back(t.id);
    }
    j["sticky"] = false;
    j["format"] = "standard";
    j["categories"] = std::move(categories);
    j["tags"] = std::move(tags);
    const std::string id = std::to_string(a.id);
    links["wp:term"] =
        json::array({{{"taxonomy", "category"}, {"embeddable", true}, {"href", wp.api + "/categories?post=" + id}},
                     {{"taxonomy", "post_tag"}, {"embeddable", true}, {"href", wp.api + "/tags?post=" + id}}});
  }
  j["_links"] = std::move(links);
  return j;
}

json WpTerm(const WpContext& wp, const content::Tag& tag, int count, bool is_category) {
  const char* collection = is_category ? "/categories" : "/tags";
  json j = {{"id", tag.id},
            {"count", count},
            {"description", ""},
            {"link", wp.site.settings.url + text::EncodePath("/tag/" + tag.slug + "/")},
            {"name", tag.name},
            {"slug", tag.slug},
            {"taxonomy", is_category ? "category" : "post_tag"}};
  if (is_category) j["parent"] = 0;
  j["meta"] = json::array();
  j["_links"] = {
      {"self", Href(wp.api + collection + "/" + std::to_string(tag.id))},
      {"collection", Href(wp.api + collection)},
      {"about", Href(wp.api + "/taxonomies/" + (is_category ? "category" : "post_tag"))},
      {"wp:post_type", Href(wp.api + "/posts?" + (is_category ? "categories=" : "tags=") + std::to_string(tag.id))}};
  return j;
}

json WpUser(const WpContext& wp, const content::AuthorProfile& p, const std::optional<media::MediaItem>& photo) {
  json avatars = json::object();
  if (photo)
    for (const char* size : {"24", "48", "96"}) avatars[size] = MediaUrl(wp.site.settings, *photo);
  return {
      {"id", p.author.id},
      {"name", p.author.name},
      {"url", ""},
      {"description", p.bio},
      {"link", wp.site.settings.url + content::AuthorPath(p.author)},
      {"slug", p.author.slug},
      {"avatar_urls", std::move(avatars)},
      {"meta", json::array()},
      {"_links",
       {{"self", Href(wp.api + "/users/" + std::to_string(p.author.id))}, {"collection", Href(wp.api + "/users")}}}};
}

json WpComment(const WpContext& wp, const content::Article& a, const comments::Comment& c) {
  const std::string post = wp.api + "/posts/" + std::to_string(a.id);
  json links = {{"self", Href(wp.api + "/comments/" + std::to_string(c.id))},
                {"collection", Href(wp.api + "/comments")},
                {"up", json::array({{{"embeddable", true}, {"post_type", "post"}, {"href", post}}})}};
  if (c.parent_id) links["in-reply-to"] = Embeddable(wp.api + "/comments/" + std::to_string(*c.parent_id));
  return {{"id", c.id},
          {"post", a.id},
          {"parent", c.parent_id.value_or(0)},
          {"author", 0},
          {"author_name", c.name},
          {"author_url", c.website},
          {"date", WpDate(c.created_at)},
          {"date_gmt", WpDate(c.created_at)},
          {"content", Rendered(themes::CommentBodyHtml(c.body).str())},
          {"link", ArticleUrl(wp, a) + "#comment-" + std::to_string(c.id)},
          {"status", "approved"},
          {"type", "comment"},
          {"author_avatar_urls", json::object()},
          {"meta", json::array()},
          {"_links", std::move(links)}};
}

json WpMedia(const WpContext& wp, const media::MediaItem& item, const content::Article& a) {
  json sizes = json::object();
  for (const auto& v : item.variants)
    if (v.mime == item.mime)
      sizes[std::to_string(v.width)] = {{"file", v.file},
                                        {"width", v.width},
                                        {"height", media::HeightOf(item, v)},
                                        {"mime_type", v.mime},
                                        {"source_url", wp.site.settings.url + "/media/" + v.file}};
  const std::string source = MediaUrl(wp.site.settings, item);
  const std::string alt = a.featured_image && !a.featured_image->alt.empty() ? a.featured_image->alt : item.alt;
  const std::string caption = a.featured_image ? a.featured_image->caption : "";
  return {{"id", item.id},
          {"date", WpDate(item.created_at)},
          {"date_gmt", WpDate(item.created_at)},
          {"guid", Rendered(source)},
          {"modified", WpDate(item.created_at)},
          {"modified_gmt", WpDate(item.created_at)},
          {"slug", item.hash.substr(0, 16)},
          {"status", "inherit"},
          {"type", "attachment"},
          {"link", source},
          {"title", Rendered(text::EscapeHtml(alt))},
          {"author", a.authors.empty() ? 0 : a.authors.front().id},
          {"comment_status", "closed"},
          {"ping_status", "closed"},
          {"template", ""},
          {"meta", json::array()},
          {"description", Rendered(caption.empty() ? "" : "<p>" + text::EscapeHtml(caption) + "</p>\n")},
          {"caption", Rendered(caption.empty() ? "" : "<p>" + text::EscapeHtml(caption) + "</p>\n")},
          {"alt_text", alt},
          {"media_type", "image"},
          {"mime_type", item.mime},
          {"media_details", {{"width", item.width}, {"height", item.height}, {"file", source}, {"sizes", sizes}}},
          {"post", a.id},
          {"source_url", source},
          {"_links",
           {{"self", Href(wp.api + "/media/" + std::to_string(item.id))}, {"collection", Href(wp.api + "/media")}}}};
}

json WpError(const std::string& code, const std::string& message, int status) {
  return {{"code", code}, {"message", message}, {"data", {{"status", status}}}};
}

}  // namespace gazette::http
