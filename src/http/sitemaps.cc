// Sitemaps (sitemaps.org 0.9, with Google's image and news extensions), written with XmlWriter.
// The index and each child read aggregates (ArticleService::PublishedMonths and the like), so a
// request costs a few grouped queries however large the archive is.
#include "http/sitemaps.h"

#include <algorithm>
#include <span>

#include "common/numbers.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "http/sitemap_paths.h"

namespace gazette::http {
namespace {

constexpr const char* kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr const char* kImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
constexpr const char* kNewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
constexpr UnixTime kNewsWindowSeconds = 48 * 3600;
constexpr int kMaxNewsUrls = 1000;  // Google's limit for a news sitemap

using Kind = SitemapPath::Kind;

Response Xml(std::string body, const char* route) {
  Response r;
  r.content_type = "application/xml; charset=utf-8";
  r.body = std::move(body);
  r.Header("Cache-Control", kPageCacheControl);
  r.route = route;
  r.cache_tags = {"lists"};
  return r;
}

// Opens a <url> with its <loc> and <lastmod> (none when 0: nothing to date it by); the caller
// adds any extension and closes it.
void OpenUrl(XmlWriter& xml, const std::string& loc, UnixTime lastmod) {
  xml.Open("url");
  xml.Element("loc", loc);
  if (lastmod) xml.Element("lastmod", FormatIso8601(lastmod));
}

// Page `page` (from 1) of `all`, kMaxSitemapUrls to a page; empty past the end.
template <class T>
std::span<const T> PageOf(const std::vector<T>& all, int page) {
  const std::size_t from = std::min(all.size(), static_cast<std::size_t>(page - 1) * kMaxSitemapUrls);
  return std::span<const T>(all).subspan(from, std::min<std::size_t>(kMaxSitemapUrls, all.size() - from));
}

// The latest updated_at of `items` (0 for none).
template <class T>
UnixTime LatestUpdate(std::span<const T> items) {
  UnixTime latest = 0;
  for (const auto& item : items) latest = std::max(latest, item.updated_at);
  return latest;
}

// A sitemap of `items`, each at the site path `path_of(item)` and dated by its updated_at.
template <class T, class PathOf>
std::string Urlset(const content::SiteView& site, std::span<const T> items, PathOf path_of) {
  XmlWriter xml;
  xml.Open("urlset").Attribute("xmlns", kSitemapNs);
  for (const T& item : items) {
    OpenUrl(xml, site.settings.url + text::EncodePath(path_of(item)), item.updated_at);
    xml.Close();
  }
  return xml.Finish();
}

// "2026-12" -> {2026, 12}.
std::optional<std::pair<int, int>> YearMonth(std::string_view key) {
  if (key.size() != 7 || key[4] != '-') return std::nullopt;
  const auto year = ParseInteger<int>(key.substr(0, 4)), month = ParseInteger<int>(key.substr(5));
  if (!year || !month) return std::nullopt;
  return std::pair(*year, *month);
}

}  // namespace

Response Sitemaps::Index(const Request&) const {
  const auto site = d_.site.Current();
  auto months = d_.articles.PublishedMonths();
  if (!months) return Failed(months.error());
  auto tags = d_.articles.PublishedTags();
  if (!tags) return Failed(tags.error());
  auto authors = d_.articles.PublishedAuthors();
  if (!authors) return Failed(authors.error());
  auto pages = d_.articles.PublishedPages();
  if (!pages) return Failed(pages.error());

  XmlWriter xml;
  xml.Open("sitemapindex").Attribute("xmlns", kSitemapNs);
  const auto entry = [&](const SitemapPath& path, UnixTime lastmod) {
    xml.Open("sitemap");
    xml.Element("loc", site->settings.url + SitemapPathName(path));
    if (lastmod) xml.Element("lastmod", FormatIso8601(lastmod));
    xml.Close();
  };
  entry({Kind::kPages}, std::max(LatestUpdate(std::span<const content::PublishedGroup>(*months)),
                                 LatestUpdate(std::span<const content::DatedSummary>(*pages))));
  const auto paged = [&](Kind kind, const auto& all) {
    if (all.empty()) return;  // no child: a sitemap lists at least one address
    for (int page = 1; page <= SitemapPageCount(static_cast<int>(all.size())); ++page)
      entry({kind, 0, 0, page}, LatestUpdate(PageOf(all, page)));
  };
  paged(Kind::kTags, *tags);
  paged(Kind::kAuthors, *authors);
  // Newest month first. A month split into pages dates each page by the whole month.
  for (auto month = months->rbegin(); month != months->rend(); ++month) {
    const auto ym = YearMonth(month->key);
    if (!ym) continue;
    for (int page = 1; page <= SitemapPageCount(month->count); ++page)
      entry({Kind::kArticles, ym->first, ym->second, page}, month->updated_at);
  }
  return Xml(xml.Finish(), "sitemap");
}

Response Sitemaps::Child(const Request& req) const {
  const auto path = ParseSitemapPath(req.path);
  if (!path) return NotFound();
  switch (path->kind) {
    case Kind::kArticles:
      return Articles(path->year, path->month, path->page);
    case Kind::kTags:
      return Tags(path->page);
    case Kind::kAuthors:
      return Authors(path->page);
    case Kind::kPages:
      return Pages(path->page);
  }
  return NotFound();
}

Response Sitemaps::Articles(int year, int month, int page) const {
  const auto site = d_.site.Current();
  auto list = d_.articles.ListPublishedInMonth(year, month, (page - 1) * kMaxSitemapUrls, kMaxSitemapUrls);
  if (!list) return Failed(list.error());
  if (list->empty()) return NotFound();
  XmlWriter xml;
  xml.Open("urlset").Attribute("xmlns", kSitemapNs).Attribute("xmlns:image", kImageNs);
  for (const auto& a : *list) {
    OpenUrl(xml, site->settings.url + text::EncodePath(site->permalink.PathFor(a.summary)), a.updated_at);
    if (a.summary.featured_image) {
      auto image = ImageUrl(*site, *a.summary.featured_image);
      if (!image) return Failed(image.error());
      if (!image->empty()) xml.Open("image:image").Element("image:loc", *image).Close();
    }
    xml.Close();
  }
  return Xml(xml.Finish(), "sitemap");
}

Response Sitemaps::Tags(int page) const {
  const auto site = d_.site.Current();
  auto tags = d_.articles.PublishedTags();
  if (!tags) return Failed(tags.error());
  const auto slice = PageOf(*tags, page);
  if (slice.empty()) return NotFound();
  return Xml(Urlset(*site, slice, [](const content::PublishedGroup& tag) { return "/tag/" + tag.key + "/"; }),
             "sitemap");
}

Response Sitemaps::Authors(int page) const {
  const auto site = d_.site.Current();
  auto authors = d_.articles.PublishedAuthors();
  if (!authors) return Failed(authors.error());
  const auto slice = PageOf(*authors, page);
  if (slice.empty()) return NotFound();
  return Xml(Urlset(*site, slice, [](const content::AuthorListing& a) { return "/author/" + a.slug + "/"; }),
             "sitemap");
}

// The site's own pages: the home page, which changes whenever an article does, and the static
// pages (content/pages.h) by path. A site has far fewer than kMaxSitemapUrls of them.
Response Sitemaps::Pages(int page) const {
  if (page != 1) return NotFound();
  const auto site = d_.site.Current();
  auto months = d_.articles.PublishedMonths();
  if (!months) return Failed(months.error());
  auto pages = d_.articles.PublishedPages();
  if (!pages) return Failed(pages.error());
  XmlWriter xml;
  xml.Open("urlset").Attribute("xmlns", kSitemapNs);
  OpenUrl(xml, site->settings.url + "/", LatestUpdate(std::span<const content::PublishedGroup>(*months)));
  xml.Close();
  for (const auto& p : PageOf(*pages, 1).first(std::min<std::size_t>(pages->size(), kMaxSitemapUrls - 1))) {
    OpenUrl(xml, site->settings.url + text::EncodePath(site->permalink.PathFor(p.summary)), p.updated_at);
    xml.Close();
  }
  return Xml(xml.Finish(), "sitemap");
}

Response Sitemaps::News(const Request&) const {
  const auto site = d_.site.Current();
  auto recent = d_.articles.RecentlyPublished(kNewsWindowSeconds, kMaxNewsUrls);
  if (!recent) return Failed(recent.error());
  XmlWriter xml;
  xml.Open("urlset").Attribute("xmlns", kSitemapNs).Attribute("xmlns:news", kNewsNs);
  for (const auto& a : *recent) {
    OpenUrl(xml, site->settings.url + text::EncodePath(site->permalink.PathFor(a.summary)), a.updated_at);
    xml.Open("news:news");
    xml.Open("news:publication");
    xml.Element("news:name", site->settings.title);
    xml.Element("news:language", site->settings.language);
    xml.Close();
    xml.Element("news:publication_date", FormatIso8601(a.summary.published_at));
    xml.Element("news:title", a.summary.title);
    xml.Close();
    xml.Close();
  }
  return Xml(xml.Finish(), "news_sitemap");
}

Response Sitemaps::Robots(const Request&) const {
  const auto site = d_.site.Current();
  std::string body = site->settings.robots_txt;
  if (!body.empty() && !body.ends_with('\n')) body += '\n';
  if (!body.empty()) body += '\n';
  body += "Sitemap: " + site->settings.url + "/sitemap.xml\n";
  body += "Sitemap: " + site->settings.url + "/news-sitemap.xml\n";
  Response r = Response::Text(200, std::move(body));
  r.Header("Cache-Control", kPageCacheControl);
  r.route = "robots";
  r.cache_tags = {"settings"};  // a change of settings empties the whole cache
  return r;
}

Result<std::string> Sitemaps::ImageUrl(const content::SiteView& site, const content::FeaturedImage& image) const {
  auto item = FeaturedMedia(image);
  if (!item) return item.error();
  const media::Variant* largest = *item ? media::Largest(**item) : nullptr;
  if (!largest) return std::string();
  return site.settings.url + "/media/" + largest->file;
}

}  // namespace gazette::http
