// Structured data for search engines (JSON-LD, schema.org): built as JSON values with
// nlohmann-json, never as text, and printed so that no value can end the <script> element.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/safe_html.h"
#include "content/article.h"
#include "content/site_settings.h"

namespace gazette::themes {

// schema.org NewsArticle. `path` is the article's canonical path; `images` its images, best first
// (the featured image's 16:9, 4:3 and 1:1 crops), absolute or site-relative; none leaves "image"
// out. Holds headline, description (the excerpt), image, datePublished, dateModified (the later of
// the update and publication times; ISO 8601 in UTC), author (an array of Person with name and
// author page), publisher, mainEntityOfPage, articleSection (the primary tag, when tagged) and
// keywords (the tags). Every URL is absolute.
nlohmann::json NewsArticleData(const content::SiteSettings& site, const content::Article& article,
                               const std::string& path, const std::vector<std::string>& images);
// BreadcrumbList: the home page, the primary tag's archive (when tagged), the article.
nlohmann::json BreadcrumbData(const content::SiteSettings& site, const content::Article& article,
                              const std::string& path);
// WebSite with a SearchAction whose urlTemplate is the search page: /search?q={search_term_string}.
nlohmann::json WebSiteData(const content::SiteSettings& site);
// Organization: the publisher's name (the site title by default), the site's URL and, when set,
// its logo.
nlohmann::json OrganizationData(const content::SiteSettings& site);

// `data` as compact JSON that is safe inside <script>: '<', '>' and '&' are written \u003c,
// \u003e and \u0026, and U+2028 and U+2029 as \u2028 and \u2029. Those characters occur only
// inside JSON strings, so the JSON means the same, while no value can close the element, open
// an HTML comment or end a JavaScript line. Invalid UTF-8 becomes U+FFFD.
std::string ScriptSafeJson(const nlohmann::json& data);
// <script type="application/ld+json"> around ScriptSafeJson(data).
SafeHtml JsonLdScript(const nlohmann::json& data);

}  // namespace gazette::themes
