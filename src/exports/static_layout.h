// Static layout: where each address of the site goes in a static export, so that a plain file
// server answers the same address with the same bytes (pretty URLs become folders with an index).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::exports {

// The file extension an index file of this Content-Type gets: ".html", ".xml", ".rss", ".atom",
// ".json", ".txt"; ".html" for anything else.
std::string IndexExtension(std::string_view content_type);

// The relative file path for the decoded request path `path` answered with `content_type`:
//   "/"                  -> "index.html"
//   "/2018/01/05/slug/"  -> "2018/01/05/slug/index.html"
//   "/feed/" (RSS)       -> "feed/index.rss"
//   "/sitemap.xml"       -> "sitemap.xml"      (a last segment with an extension stays a file)
//   "/search"            -> "search/index.html" (a last segment without one becomes a folder)
// nullopt for a path a file tree cannot hold safely: not starting with '/', with "." or ".."
// segments, empty segments ("//"), NUL or backslash.
std::optional<std::string> FilePathFor(std::string_view path, std::string_view content_type);

// Whether a response of this Content-Type is worth a .gz and a .br beside it (text, XML, JSON,
// JavaScript, SVG, icons), not images or other compressed formats.
bool Compressible(std::string_view content_type);

}  // namespace gazette::exports
