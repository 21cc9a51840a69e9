// SitemapPath: names built in one place, and parsed by reading the parts and building the name
// again, so that exactly one spelling of each child answers.
#include "http/sitemap_paths.h"

#include <cstdio>
#include <vector>

#include "common/numbers.h"
#include "common/text.h"

namespace gazette::http {
namespace {

constexpr std::string_view kPrefix = "/sitemap-", kSuffix = ".xml";

const char* KindName(SitemapPath::Kind kind) {
  switch (kind) {
    case SitemapPath::Kind::kArticles:
      return "articles";
    case SitemapPath::Kind::kTags:
      return "tags";
    case SitemapPath::Kind::kAuthors:
      return "authors";
    case SitemapPath::Kind::kPages:
      return "pages";
  }
  return "";
}

}  // namespace

std::string SitemapPathName(const SitemapPath& path) {
  std::string name = std::string(kPrefix) + KindName(path.kind);
  if (path.kind == SitemapPath::Kind::kArticles) {
    char month[16];
    std::snprintf(month, sizeof month, "-%04d-%02d", path.year % 10000, path.month % 100);
    name += month;
  }
  if (path.page > 1) name += "-" + std::to_string(path.page);
  return name + std::string(kSuffix);
}

std::optional<SitemapPath> ParseSitemapPath(std::string_view path) {
  if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix)) return std::nullopt;
  const std::string_view rest = path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
  const std::vector<std::string> parts = text::SplitTrimmed(rest, '-');
  if (parts.empty()) return std::nullopt;
  SitemapPath p;
  std::size_t numbers = 0;  // where the page number would be
  if (parts[0] == "articles") {
    if (parts.size() < 3) return std::nullopt;
    const auto year = ParseInteger<int>(parts[1]), month = ParseInteger<int>(parts[2]);
    if (!year || !month || *year < 1 || *month < 1 || *month > 12) return std::nullopt;
    p = {SitemapPath::Kind::kArticles, *year, *month, 1};
    numbers = 3;
  } else if (parts[0] == "tags" || parts[0] == "authors" || parts[0] == "pages") {
    p.kind = parts[0] == "tags"      ? SitemapPath::Kind::kTags
             : parts[0] == "authors" ? SitemapPath::Kind::kAuthors
                                     : SitemapPath::Kind::kPages;
    numbers = 1;
  } else {
    return std::nullopt;
  }
  if (parts.size() > numbers + 1) return std::nullopt;
  if (parts.size() == numbers + 1) {
    const auto page = ParseInteger<int>(parts[numbers]);
    if (!page || *page < 2) return std::nullopt;
    p.page = *page;
  }
  // Any other spelling of the same parts ("2026-1", "-02", " 2") is not the child's name.
  if (SitemapPathName(p) != path) return std::nullopt;
  return p;
}

int SitemapPageCount(int urls) { return urls <= kMaxSitemapUrls ? 1 : (urls + kMaxSitemapUrls - 1) / kMaxSitemapUrls; }

}  // namespace gazette::http
