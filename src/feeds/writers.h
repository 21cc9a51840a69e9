// Feed writers: a Feed as an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document. XML is written with
// XmlWriter (libxml2) and JSON with nlohmann-json, so escaping is the libraries' and a title of
// quotes, "]]>" or control characters cannot break the document.
#pragma once

#include <string>

#include "feeds/feed.h"

namespace gazette::feeds {

// RSS 2.0 with the content, dc, media and atom namespaces: <guid isPermaLink="false">, one
// <dc:creator> per author, <category> per tag, <description> the summary, <content:encoded> the
// whole article, <media:content> the image; atom:link rel="self" (and rel="hub").
std::string WriteRss(const Feed& feed);
// Atom 1.0 (RFC 4287): entries with id, title, link, published, updated, an <author> per
// author, categories, summary and content type="html"; feed links alternate, self (and hub).
std::string WriteAtom(const Feed& feed);
// JSON Feed 1.1: items with id, url, title, content_html (or content_text), summary, image,
// date_published, date_modified, authors and tags; "hubs" when a hub is set.
std::string WriteJsonFeed(const Feed& feed);

std::string Write(const Feed& feed, FeedFormat format);

}  // namespace gazette::feeds
