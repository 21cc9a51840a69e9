// Pages: the paths static pages ("About", "Contact") live at, and which paths they may not take.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace gazette::content {

// "about/team" has depth 2. Deeper paths are refused: a site's pages are a short outline.
inline constexpr int kMaxPageDepth = 3;

// The stored form of a page's path from what an editor typed: slashes at either end dropped,
// each segment made a slug (text::Slugify), so that "/About Us/Team/" becomes "about-us/team".
// kInvalidArgument (field "slug") for an empty path or segment, a path deeper than
// kMaxPageDepth, or one that would hide Gazette's own routes: a first segment such as "admin",
// "api", "feed", "tag", "author", "search", "media", "static", "sitemap...", "wp-json",
// "comments", and a segment "feed" or "page" anywhere (feeds and page numbers of any path).
Result<std::string> ParsePagePath(std::string_view wanted);

// The page's address: "/about/team/".
inline std::string PagePath(std::string_view slug) { return "/" + std::string(slug) + "/"; }

}  // namespace gazette::content
