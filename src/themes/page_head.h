// PageHead: what a page's <head> says about it to search engines and link previews: title,
// description, robots, canonical and neighbouring pages, Open Graph and Twitter cards, and the
// structured data. HeadData turns it into the layout's values.
#pragma once

#include <kainjow/mustache.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/safe_html.h"
#include "common/time.h"
#include "content/site_settings.h"

namespace gazette::themes {

// An image for link previews (og:image). `url` is absolute or site-relative; width and height
// are 0 when unknown.
struct ShareImage {
  std::string url;
  int width = 0, height = 0;
  std::string alt;
};

// An article's Open Graph properties (article:*).
struct ArticleMeta {
  UnixTime published_at = 0, modified_at = 0;
  std::vector<std::string> author_urls;  // their author pages, site-relative
  std::string section;                   // the primary tag's name, or ""
  std::vector<std::string> tags;         // every tag's name
};

// A feed a page announces (<link rel="alternate">), beside the site's own three.
struct FeedLink {
  std::string title;
  std::string path;  // site-relative, not yet encoded
  std::string type;  // application/rss+xml, application/atom+xml, application/feed+json
};

// The RSS, Atom and JSON feeds under `base` ("/", "/tag/x/", "/author/x/"), titled "`name` (RSS)"...
std::vector<FeedLink> FeedLinks(const std::string& name, const std::string& base);

struct PageHead {
  std::string title;                 // <title>
  std::string description;           // "" means the site's description
  std::string path;                  // the canonical path (site-relative, not yet encoded), or "" for none
  std::string robots;                // <meta name="robots"> content, or "" for none
  std::string prev_path, next_path;  // neighbouring pages of a list (rel="prev"/"next"), or ""
  std::string og_type;               // "article" or "website"; "" for no link preview
  std::string og_title;
  std::optional<ShareImage> image;     // the page's own image; without one, the site's default image
  std::optional<ArticleMeta> article;  // for og_type "article"
  SafeHtml structured_data;            // JSON-LD <script> elements (structured_data.h), or empty
  std::vector<FeedLink> feeds;         // the page's own feeds (a tag's, an author's), after the site's
};

// The layout's values for `head`: page_title, description, robots, canonical, prev_url, next_url,
// og (with locale, image, article and twitter_card), structured_data_html and feeds (the site's
// feeds, then the page's own). Every URL absolute.
// twitter:card is summary_large_image for a page with its own image, summary otherwise.
kainjow::mustache::data HeadData(const content::SiteSettings& site, const PageHead& head);

// The Open Graph locale for a page language: "en-GB" -> "en_GB", and a bare language as it is
// most often meant ("en" -> "en_US", "fr" -> "fr_FR"); another bare language is given as it is.
std::string OpenGraphLocale(std::string_view language);

}  // namespace gazette::themes
