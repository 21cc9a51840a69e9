// Sitemaps: what crawlers read first. /robots.txt (the seo.robots_txt setting with the sitemap
// lines added), the sitemap index /sitemap.xml over its children (http/sitemap_paths.h: articles
// by month, tags, authors, pages), and the news sitemap /news-sitemap.xml. Every address is
// absolute, from the site.url setting; every <url> has the <lastmod> of what it lists.
#pragma once

#include "http/reader_pages.h"

namespace gazette::http {

class Sitemaps : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;

  // The responses below are cached like pages: the sitemaps under the tag "lists", which any
  // change to a published article invalidates, robots.txt until the settings change.

  // A sitemapindex listing every child with its lastmod.
  Response Index(const Request& req) const;
  // A child sitemap (SitemapPath); 404 for any other /sitemap-* path and for a child with
  // nothing in it (an empty urlset is not a valid sitemap).
  Response Child(const Request& req) const;
  // The articles published in the last 48 hours by the site's clock, newest first, at most
  // 1,000, with Google's news extension. A quiet site gets an empty urlset. The window moves with
  // time alone, so a cached copy lags by at most the cache's max age (--cache-max-age).
  Response News(const Request& req) const;
  // text/plain: the setting, then "Sitemap:" lines for /sitemap.xml and /news-sitemap.xml.
  Response Robots(const Request& req) const;

 private:
  Response Articles(int year, int month, int page) const;
  Response Tags(int page) const;
  Response Authors(int page) const;
  Response Pages(int page) const;
  // The absolute address of the largest file of a featured image; "" when the image is no longer
  // in the media library.
  Result<std::string> ImageUrl(const content::SiteView& site, const content::FeaturedImage& image) const;
};

}  // namespace gazette::http
