// JSON-LD for article and home pages. The objects follow Google's documentation of article,
// breadcrumb and sitelinks-search-box structured data.
#include "themes/structured_data.h"

#include <algorithm>

#include "common/text.h"
#include "common/time.h"
#include "content/authors.h"

namespace gazette::themes {
namespace {

using nlohmann::json;

constexpr const char* kContext = "https://schema.org";
constexpr std::size_t kDescriptionChars = 155;  // as the page's meta description

std::string Absolute(const content::SiteSettings& site, const std::string& path) {
  return content::AbsoluteUrl(site, text::EncodePath(path));
}

std::string TagUrl(const content::SiteSettings& site, const content::Tag& tag) {
  return Absolute(site, "/tag/" + tag.slug + "/");
}

json Authors(const content::SiteSettings& site, const content::Article& article) {
  json authors = json::array();
  for (const auto& a : article.authors)
    authors.push_back({{"@type", "Person"}, {"name", a.name}, {"url", site.url + content::AuthorPath(a)}});
  return authors;
}

json Logo(const content::SiteSettings& site) {
  return {{"@type", "ImageObject"}, {"url", content::AbsoluteUrl(site, site.publisher_logo)}};
}

json Publisher(const content::SiteSettings& site) {
  json org = {{"@type", "Organization"}, {"name", site.PublisherName()}, {"url", site.url + "/"}};
  if (!site.publisher_logo.empty()) org["logo"] = Logo(site);
  return org;
}

json Crumb(int position, const std::string& name, const std::string& url) {
  return {{"@type", "ListItem"}, {"position", position}, {"name", name}, {"item", url}};
}

}  // namespace

json NewsArticleData(const content::SiteSettings& site, const content::Article& article, const std::string& path,
                     const std::vector<std::string>& images) {
  const std::string url = Absolute(site, path);
  json data = {{"@context", kContext},
               {"@type", "NewsArticle"},
               {"headline", article.title},
               {"description", text::Excerpt(article.excerpt, kDescriptionChars)},
               {"datePublished", FormatIso8601(article.published_at)},
               {"dateModified", FormatIso8601(content::LastEdited(article))},
               {"author", Authors(site, article)},
               {"publisher", Publisher(site)},
               {"mainEntityOfPage", {{"@type", "WebPage"}, {"@id", url}}},
               {"url", url}};
  if (!images.empty()) {
    json list = json::array();
    for (const auto& image : images) list.push_back(content::AbsoluteUrl(site, image));
    data["image"] = list;
  }
  if (const content::Tag* tag = article.PrimaryTag()) data["articleSection"] = tag->name;
  json keywords = json::array();
  for (const auto& tag : article.tags) keywords.push_back(tag.name);
  data["keywords"] = keywords;
  return data;
}

json BreadcrumbData(const content::SiteSettings& site, const content::Article& article, const std::string& path) {
  json items = json::array({Crumb(1, site.title, site.url + "/")});
  if (const content::Tag* tag = article.PrimaryTag()) items.push_back(Crumb(2, tag->name, TagUrl(site, *tag)));
  items.push_back(Crumb(static_cast<int>(items.size()) + 1, article.title, Absolute(site, path)));
  return {{"@context", kContext}, {"@type", "BreadcrumbList"}, {"itemListElement", items}};
}

json WebSiteData(const content::SiteSettings& site) {
  return {{"@context", kContext},
          {"@type", "WebSite"},
          {"name", site.title},
          {"url", site.url + "/"},
          {"inLanguage", site.language},
          {"potentialAction",
           {{"@type", "SearchAction"},
            {"target", {{"@type", "EntryPoint"}, {"urlTemplate", site.url + "/search?q={search_term_string}"}}},
            {"query-input", "required name=search_term_string"}}}};
}

json OrganizationData(const content::SiteSettings& site) {
  json org = Publisher(site);
  org["@context"] = kContext;
  return org;
}

std::string ScriptSafeJson(const json& data) {
  const std::string plain = data.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(plain.size() + 16);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '\xE2' && i + 2 < plain.size() && plain[i + 1] == '\x80' &&
             (plain[i + 2] == '\xA8' || plain[i + 2] == '\xA9')) {
      out += plain[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

SafeHtml JsonLdScript(const json& data) {
  // Safe as markup: ScriptSafeJson leaves no '<' for the HTML parser to see inside the element.
  return SafeHtml::Trusted("<script type=\"application/ld+json\">" + ScriptSafeJson(data) + "</script>");
}

}  // namespace gazette::themes
