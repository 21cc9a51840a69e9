// SitemapPath: the addresses of the child sitemaps that /sitemap.xml lists, and their pages.
// A child holds at most kMaxSitemapUrls addresses (the sitemaps.org limit); a longer one is
// split into pages, the first without a number: /sitemap-tags.xml, /sitemap-tags-2.xml.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::http {

inline constexpr int kMaxSitemapUrls = 50000;

struct SitemapPath {
  enum class Kind { kArticles, kTags, kAuthors, kPages };
  Kind kind = Kind::kPages;
  int year = 0, month = 0;  // kArticles only: the month of publication (UTC)
  int page = 1;             // from 1

  bool operator==(const SitemapPath&) const = default;
};

// "/sitemap-articles-2026-12.xml", "/sitemap-articles-2026-12-2.xml", "/sitemap-tags.xml",
// "/sitemap-authors-3.xml", "/sitemap-pages.xml".
std::string SitemapPathName(const SitemapPath& path);
// The inverse of SitemapPathName; nullopt for any other path (a month out of range, page 1
// spelt "-1", leading zeros in a page number).
std::optional<SitemapPath> ParseSitemapPath(std::string_view path);
// How many pages `urls` addresses take: at least 1.
int SitemapPageCount(int urls);

}  // namespace gazette::http
