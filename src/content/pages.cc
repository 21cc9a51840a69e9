// Pages: a page is served only when no other route answers (http/article_pages.cc), so a path
// that another route takes first could never be reached; it is refused when saved instead.
#include "content/pages.h"

#include <array>

#include "common/text.h"

namespace gazette::content {
namespace {

// First segments that Gazette's routes (app/server.cc, http/article_pages.cc) or a WordPress
// import's addresses own.
constexpr std::array<std::string_view, 19> kReservedFirst = {
    "admin",  "api",  "author",  "comments", "favicon-ico", "feed",   "feed-json", "healthz", "media", "metrics",
    "oembed", "page", "related-json", "robots-txt", "search", "search-json", "static", "tag", "wp-json"};

bool Reserved(std::string_view segment, bool first) {
  if (segment == "feed" || segment == "page") return true;
  if (!first) return false;
  if (segment.starts_with("sitemap") || segment.starts_with("news-sitemap")) return true;
  for (std::string_view r : kReservedFirst)
    if (segment == r) return true;
  return false;
}

}  // namespace

Result<std::string> ParsePagePath(std::string_view wanted) {
  if (!text::IsValidUtf8(wanted)) return Error::Invalid("The page's path is not valid UTF-8 text.", "slug");
  std::string_view rest = text::Trim(wanted);
  while (rest.starts_with('/')) rest.remove_prefix(1);
  while (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.empty()) return Error::Invalid("The page needs a path, such as about or about/team.", "slug");
  std::string path;
  int depth = 0;
  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string segment = text::Slugify(rest.substr(0, slash));
    if (segment.empty()) return Error::Invalid("Each part of the page's path needs letters or digits.", "slug");
    if (++depth > kMaxPageDepth)
      return Error::Invalid("A page's path can have at most " + std::to_string(kMaxPageDepth) + " parts.", "slug");
    if (Reserved(segment, depth == 1))
      return Error::Invalid("The path /" + segment + "/ belongs to Gazette itself; choose another.", "slug");
    path += (depth == 1 ? "" : "/") + segment;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return path;
}

}  // namespace gazette::content
