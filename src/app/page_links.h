// Page links: the addresses a rendered page points at, for the static export's crawl.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::app {

// Every href, src and srcset URL in an HTML document (parsed by libxml2's HTML parser, which
// recovers from broken markup), in document order.
std::vector<std::string> HtmlLinks(std::string_view html);
// The text of every <loc> element of a sitemap or sitemap index.
std::vector<std::string> SitemapLocations(std::string_view xml);

// `link` resolved against the page at local path `base` of the site at `site_url` (its origin,
// e.g. "https://news.example"): the local path, percent-decoded, without query or fragment; or
// nullopt when it leads to another origin, another scheme (mailto:, data:) or does not parse.
std::optional<std::string> LocalPath(std::string_view link, std::string_view base, std::string_view site_url);

}  // namespace gazette::app
