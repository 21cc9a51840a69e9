// Each writer's document parses, and holds every field of the feed and its items.
#include "feeds/writers.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <nlohmann/json.hpp>

namespace gazette::feeds {
namespace {

Feed Sample() {
  Feed f;
  f.title = "The \"Gazette\" <News> & more";
  f.description = "News, written by people.";
  f.language = "en";
  f.home_url = "https://news.example/";
  f.self_url = "https://news.example/feed/";
  f.hub_url = "https://hub.example/";
  f.updated = 1796630400;
  FeedItem item;
  item.id = "https://news.example/?p=7";
  item.url = "https://news.example/2026/12/07/harbour/";
  item.title = "Harbour ]]> reopens </script> \xF0\x9F\x9A\xA2";
  item.summary = "The harbour reopens...";
  item.content_html = "<p>The <em>harbour</em> reopens &amp; ships return.</p>";
  item.published = 1796620000;
  item.updated = 1796630400;
  item.authors = {{"Ann Lee", "https://news.example/author/ann-lee/"},
                  {"Bo Chen", "https://news.example/author/bo-chen/"}};
  item.tags = {"Harbour", "Transport"};
  item.images = {{"https://news.example/media/a-1600.jpg", "image/jpeg", 1600, 900}};
  f.items = {item};
  return f;
}

// Parses `xml` with libxml2; the document must be well-formed.
bool WellFormed(const std::string& xml) {
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8", XML_PARSE_NONET);
  const bool ok = doc != nullptr;
  xmlFreeDoc(doc);
  return ok;
}

bool Has(const std::string& doc, const std::string& part) { return doc.find(part) != std::string::npos; }

TEST(FeedWritersTest, RssHasEveryField) {
  const std::string rss = WriteRss(Sample());
  ASSERT_TRUE(WellFormed(rss)) << rss;
  EXPECT_TRUE(Has(rss, "<title>The &quot;Gazette&quot; &lt;News&gt; &amp; more</title>")) << rss;
  EXPECT_TRUE(Has(rss, "<guid isPermaLink=\"false\">https://news.example/?p=7</guid>"));
  EXPECT_TRUE(Has(rss, "<dc:creator>Ann Lee</dc:creator>"));
  EXPECT_TRUE(Has(rss, "<dc:creator>Bo Chen</dc:creator>"));
  EXPECT_TRUE(Has(rss, "<category>Transport</category>"));
  EXPECT_TRUE(Has(rss, "<content:encoded>&lt;p&gt;The &lt;em&gt;harbour"));
  EXPECT_TRUE(Has(rss, "<media:content url=\"https://news.example/media/a-1600.jpg\" medium=\"image\""));
  EXPECT_TRUE(Has(rss, "rel=\"hub\" href=\"https://hub.example/\""));
  EXPECT_TRUE(Has(rss, "rel=\"self\" href=\"https://news.example/feed/\""));
  EXPECT_TRUE(Has(rss, "<pubDate>"));
}

TEST(FeedWritersTest, AtomHasEveryField) {
  const std::string atom = WriteAtom(Sample());
  ASSERT_TRUE(WellFormed(atom)) << atom;
  EXPECT_TRUE(Has(atom, "<id>https://news.example/?p=7</id>"));
  EXPECT_TRUE(Has(atom, "<updated>2026-12-07T"));
  EXPECT_TRUE(Has(atom, "<name>Bo Chen</name>"));
  EXPECT_TRUE(Has(atom, "<uri>https://news.example/author/bo-chen/</uri>"));
  EXPECT_TRUE(Has(atom, "<category term=\"Harbour\"/>"));
  EXPECT_TRUE(Has(atom, "<content type=\"html\">&lt;p&gt;"));
  EXPECT_TRUE(Has(atom, "<link rel=\"hub\" href=\"https://hub.example/\"/>"));
}

TEST(FeedWritersTest, JsonFeedHasEveryField) {
  const auto j = nlohmann::json::parse(WriteJsonFeed(Sample()));
  EXPECT_EQ(j["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(j["feed_url"], "https://news.example/feed/");
  EXPECT_EQ(j["hubs"][0]["type"], "WebSub");
  const auto& item = j["items"][0];
  EXPECT_EQ(item["id"], "https://news.example/?p=7");
  EXPECT_EQ(item["title"], Sample().items[0].title);
  EXPECT_EQ(item["authors"].size(), 2u);
  EXPECT_EQ(item["authors"][1]["name"], "Bo Chen");
  EXPECT_EQ(item["image"], "https://news.example/media/a-1600.jpg");
  EXPECT_EQ(item["tags"][1], "Transport");
  EXPECT_TRUE(item.contains("content_html"));
  EXPECT_EQ(std::string(ContentType(FeedFormat::kJson)), "application/feed+json");
}

TEST(FeedWritersTest, ExcerptOnlyFeedsStillCarryText) {
  Feed f = Sample();
  f.items[0].content_html.clear();
  EXPECT_FALSE(Has(WriteRss(f), "content:encoded>"));
  EXPECT_FALSE(Has(WriteAtom(f), "<content"));
  const auto j = nlohmann::json::parse(WriteJsonFeed(f));
  EXPECT_EQ(j["items"][0]["content_text"], "The harbour reopens...");
}

}  // namespace
}  // namespace gazette::feeds
