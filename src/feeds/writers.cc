// Feed writers. Dates: RSS uses RFC 822 (HTTP dates), Atom and JSON Feed RFC 3339 in UTC.
#include "feeds/writers.h"

#include <nlohmann/json.hpp>

#include "common/xml_writer.h"

namespace gazette::feeds {
namespace {

void AtomLink(XmlWriter& xml, const char* name, std::string_view rel, std::string_view href, std::string_view type) {
  xml.Open(name).Attribute("rel", rel).Attribute("href", href);
  if (!type.empty()) xml.Attribute("type", type);
  xml.Close();
}

void MediaContent(XmlWriter& xml, const FeedImage& image) {
  xml.Open("media:content").Attribute("url", image.url).Attribute("medium", "image");
  if (!image.mime.empty()) xml.Attribute("type", image.mime);
  if (image.width > 0) xml.Attribute("width", std::to_string(image.width));
  if (image.height > 0) xml.Attribute("height", std::to_string(image.height));
  xml.Close();
}

}  // namespace

std::string WriteRss(const Feed& feed) {
  XmlWriter xml;
  xml.Open("rss")
      .Attribute("version", "2.0")
      .Attribute("xmlns:atom", "http://www.w3.org/2005/Atom")
      .Attribute("xmlns:content", "http://purl.org/rss/1.0/modules/content/")
      .Attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .Attribute("xmlns:media", "http://search.yahoo.com/mrss/");
  xml.Open("channel");
  xml.Element("title", feed.title);
  xml.Element("link", feed.home_url);
  xml.Element("description", feed.description);
  if (!feed.language.empty()) xml.Element("language", feed.language);
  if (feed.updated) xml.Element("lastBuildDate", FormatHttpDate(feed.updated));
  xml.Element("generator", "Gazette");
  AtomLink(xml, "atom:link", "self", feed.self_url, "application/rss+xml");
  if (!feed.hub_url.empty()) AtomLink(xml, "atom:link", "hub", feed.hub_url, "");
  for (const auto& item : feed.items) {
    xml.Open("item");
    xml.Element("title", item.title);
    xml.Element("link", item.url);
    xml.Open("guid").Attribute("isPermaLink", "false").Text(item.id).Close();
    for (const auto& a : item.authors) xml.Element("dc:creator", a.name);
    xml.Element("pubDate", FormatHttpDate(item.published));
    for (const auto& tag : item.tags) xml.Element("category", tag);
    xml.Element("description", item.summary);
    if (!item.content_html.empty()) xml.Element("content:encoded", item.content_html);
    for (const auto& image : item.images) MediaContent(xml, image);
    xml.Close();
  }
  return xml.Finish();
}

std::string WriteAtom(const Feed& feed) {
  XmlWriter xml;
  xml.Open("feed")
      .Attribute("xmlns", "http://www.w3.org/2005/Atom")
      .Attribute("xmlns:media", "http://search.yahoo.com/mrss/");
  if (!feed.language.empty()) xml.Attribute("xml:lang", feed.language);
  xml.Element("id", feed.self_url);
  xml.Element("title", feed.title);
  if (!feed.description.empty()) xml.Element("subtitle", feed.description);
  // A feed without entries still needs an updated time; the epoch says "never".
  xml.Element("updated", FormatIso8601(feed.updated));
  AtomLink(xml, "link", "alternate", feed.home_url, "text/html");
  AtomLink(xml, "link", "self", feed.self_url, "application/atom+xml");
  if (!feed.hub_url.empty()) AtomLink(xml, "link", "hub", feed.hub_url, "");
  if (!feed.icon_url.empty()) xml.Element("icon", feed.icon_url);
  xml.Element("generator", "Gazette");
  for (const auto& item : feed.items) {
    xml.Open("entry");
    xml.Element("id", item.id);
    xml.Element("title", item.title);
    AtomLink(xml, "link", "alternate", item.url, "text/html");
    xml.Element("published", FormatIso8601(item.published));
    xml.Element("updated", FormatIso8601(item.updated));
    for (const auto& a : item.authors) {
      xml.Open("author");
      xml.Element("name", a.name);
      if (!a.url.empty()) xml.Element("uri", a.url);
      xml.Close();
    }
    for (const auto& tag : item.tags) xml.Open("category").Attribute("term", tag).Close();
    xml.Open("summary").Attribute("type", "text").Text(item.summary).Close();
    if (!item.content_html.empty()) xml.Open("content").Attribute("type", "html").Text(item.content_html).Close();
    for (const auto& image : item.images) MediaContent(xml, image);
    xml.Close();
  }
  return xml.Finish();
}

std::string WriteJsonFeed(const Feed& feed) {
  using nlohmann::json;
  json j = {{"version", "https://jsonfeed.org/version/1.1"},
            {"title", feed.title},
            {"home_page_url", feed.home_url},
            {"feed_url", feed.self_url},
            {"description", feed.description}};
  if (!feed.language.empty()) j["language"] = feed.language;
  if (!feed.icon_url.empty()) j["icon"] = feed.icon_url;
  if (!feed.hub_url.empty()) j["hubs"] = json::array({{{"type", "WebSub"}, {"url", feed.hub_url}}});
  json items = json::array();
  for (const auto& item : feed.items) {
    json authors = json::array();
    for (const auto& a : item.authors) {
      json person = {{"name", a.name}};
      if (!a.url.empty()) person["url"] = a.url;
      authors.push_back(std::move(person));
    }
    json i = {{"id", item.id},
              {"url", item.url},
              {"title", item.title},
              {"summary", item.summary},
              {"date_published", FormatIso8601(item.published)},
              {"date_modified", FormatIso8601(item.updated)},
              {"authors", authors},
              {"tags", item.tags}};
    // One of content_html and content_text is required.
    if (!item.content_html.empty())
      i["content_html"] = item.content_html;
    else
      i["content_text"] = item.summary;
    if (!item.images.empty()) i["image"] = item.images.front().url;
    items.push_back(std::move(i));
  }
  j["items"] = std::move(items);
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string Write(const Feed& feed, FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss:
      return WriteRss(feed);
    case FeedFormat::kAtom:
      return WriteAtom(feed);
    case FeedFormat::kJson:
      return WriteJsonFeed(feed);
  }
  return {};
}

}  // namespace gazette::feeds
