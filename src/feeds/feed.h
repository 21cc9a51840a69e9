// Feed: what a feed of articles says, whatever its format. The writers turn it into RSS 2.0
// (rss.h), Atom 1.0 (atom.h) or JSON Feed 1.1 (json_feed.h); every value is plain text or, where
// named *_html, HTML that the writer escapes as the format asks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace gazette::feeds {

enum class FeedFormat { kRss, kAtom, kJson };
inline constexpr FeedFormat kFeedFormats[] = {FeedFormat::kRss, FeedFormat::kAtom, FeedFormat::kJson};

// Where the feed of `format` lives under an archive's `base` ("/", "/tag/x/", "/author/y/"):
// base + "feed/", "feed/atom/" or "feed.json" (not yet percent-encoded).
std::string FeedPathUnder(std::string_view base, FeedFormat format);
// "RSS", "Atom", "JSON Feed": the format as readers know it.
const char* FormatName(FeedFormat format);
// application/rss+xml, application/atom+xml, application/feed+json.
const char* MediaType(FeedFormat format);

// A person of a byline: their name and their page.
struct FeedPerson {
  std::string name;
  std::string url;
};

struct FeedImage {
  std::string url;  // absolute
  std::string mime;
  int width = 0, height = 0;
};

struct FeedItem {
  std::string id;  // stable whatever the permalink pattern: "https://site/?p=12"
  std::string url;
  std::string title;
  std::string summary;       // plain text
  std::string content_html;  // the whole article with absolute URLs; "" when feeds carry excerpts only
  UnixTime published = 0;
  UnixTime updated = 0;
  std::vector<FeedPerson> authors;  // at least one
  std::vector<std::string> tags;    // names, the primary first
  std::vector<FeedImage> images;    // the featured image, if any
};

struct Feed {
  std::string title;
  std::string description;
  std::string language;         // "en"
  std::string home_url;         // the HTML page the feed follows
  std::string self_url;         // this feed's own address
  std::string hub_url;          // a WebSub hub, or ""
  std::string icon_url;         // or ""
  UnixTime updated = 0;         // the newest item's updated time (or 0 for an empty feed)
  std::vector<FeedItem> items;  // newest first
};

// The Content-Type a feed is served with: MediaType, with charset=utf-8 for the XML ones.
const char* ContentType(FeedFormat format);

}  // namespace gazette::feeds
