// JSON-LD: every property search engines ask for, and no value that can end the <script> block.
#include "themes/structured_data.h"

#include <gtest/gtest.h>

namespace gazette::themes {
namespace {

using nlohmann::json;

class StructuredDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site.title = "The Harbourton Gazette";
    site.url = "https://news.example";
    site.publisher_logo = "/static/logo.png";
    article.title = "Harbour wall repaired";
    article.excerpt = "Work finished on Friday.";
    article.author = "Ann Reyes and Bo Chen";
    article.authors = {{0, "Ann Reyes", "ann-reyes"}, {0, "Bo Chen", "bo-chen"}};
    article.published_at = 1'800'000'000;
    article.updated_at = 1'800'003'600;
    article.tags = {{1, "Harbour works", "harbour-works"}, {2, "Council", "council"}};
  }
  content::SiteSettings site;
  content::Article article;
};

TEST_F(StructuredDataTest, NewsArticleHoldsEveryProperty) {
  const json d = NewsArticleData(site, article, "/2027/01/15/harbour/", {"/media/a-16x9-1200.jpg", "/media/a-1x1.jpg"});
  EXPECT_EQ(d["@context"], "https://schema.org");
  EXPECT_EQ(d["@type"], "NewsArticle");
  EXPECT_EQ(d["headline"], "Harbour wall repaired");
  EXPECT_EQ(d["description"], "Work finished on Friday.");
  EXPECT_EQ(d["image"],
            json::array({"https://news.example/media/a-16x9-1200.jpg", "https://news.example/media/a-1x1.jpg"}));
  EXPECT_EQ(d["datePublished"], "2027-01-15T08:00:00Z");
  EXPECT_EQ(d["dateModified"], "2027-01-15T09:00:00Z");
  ASSERT_TRUE(d["author"].is_array());
  ASSERT_EQ(d["author"].size(), 2u);  // a joint byline: every author
  EXPECT_EQ(d["author"][0],
            (json{{"@type", "Person"}, {"name", "Ann Reyes"}, {"url", "https://news.example/author/ann-reyes/"}}));
  EXPECT_EQ(d["author"][1],
            (json{{"@type", "Person"}, {"name", "Bo Chen"}, {"url", "https://news.example/author/bo-chen/"}}));
  EXPECT_EQ(d["publisher"]["@type"], "Organization");
  EXPECT_EQ(d["publisher"]["name"], "The Harbourton Gazette");
  EXPECT_EQ(d["publisher"]["logo"]["url"], "https://news.example/static/logo.png");
  EXPECT_EQ(d["mainEntityOfPage"]["@id"], "https://news.example/2027/01/15/harbour/");
  EXPECT_EQ(d["articleSection"], "Harbour works");
  EXPECT_EQ(d["keywords"], json::array({"Harbour works", "Council"}));
}

TEST_F(StructuredDataTest, ModifiedIsNeverBeforePublished) {
  article.updated_at = article.published_at - 86400;  // written the day before it was published
  const json d = NewsArticleData(site, article, "/a/", {});
  EXPECT_EQ(d["dateModified"], d["datePublished"]);
  EXPECT_FALSE(d.contains("image"));
  article.tags.clear();
  EXPECT_FALSE(NewsArticleData(site, article, "/a/", {}).contains("articleSection"));
}

TEST_F(StructuredDataTest, BreadcrumbsGoHomeSectionArticle) {
  const json d = BreadcrumbData(site, article, "/a/");
  ASSERT_EQ(d["itemListElement"].size(), 3u);
  EXPECT_EQ(d["itemListElement"][0]["item"], "https://news.example/");
  EXPECT_EQ(d["itemListElement"][1]["name"], "Harbour works");
  EXPECT_EQ(d["itemListElement"][1]["item"], "https://news.example/tag/harbour-works/");
  EXPECT_EQ(d["itemListElement"][2]["position"], 3);
  EXPECT_EQ(d["itemListElement"][2]["item"], "https://news.example/a/");
}

TEST_F(StructuredDataTest, HomePageHasTheSearchBoxAndThePublisher) {
  const json w = WebSiteData(site);
  EXPECT_EQ(w["@type"], "WebSite");
  EXPECT_EQ(w["potentialAction"]["@type"], "SearchAction");
  EXPECT_EQ(w["potentialAction"]["target"]["urlTemplate"], "https://news.example/search?q={search_term_string}");
  EXPECT_EQ(w["potentialAction"]["query-input"], "required name=search_term_string");
  site.publisher_name = "Harbourton Media";
  site.publisher_logo = "";
  const json o = OrganizationData(site);
  EXPECT_EQ(o["@type"], "Organization");
  EXPECT_EQ(o["name"], "Harbourton Media");
  EXPECT_FALSE(o.contains("logo"));
}

TEST_F(StructuredDataTest, NoValueCanEndTheScriptElement) {
  article.title = "\"Quotes\" </script><script>alert(1)</script> <!-- & \xE2\x80\xA8 \xE2\x80\xA9 \xF0\x9F\x8C\x8A";
  const std::string html = JsonLdScript(NewsArticleData(site, article, "/a/", {})).str();
  const std::string inner = html.substr(35, html.size() - 35 - 9);
  ASSERT_TRUE(html.starts_with("<script type=\"application/ld+json\">")) << html;
  ASSERT_TRUE(html.ends_with("}</script>")) << html;
  for (const char* bad : {"<", ">", "&", "\xE2\x80\xA8", "\xE2\x80\xA9"})
    EXPECT_EQ(inner.find(bad), std::string::npos) << bad;
  EXPECT_EQ(json::parse(inner)["headline"], article.title) << "the escapes mean the same JSON";
  EXPECT_NE(inner.find("\\u003c/script\\u003e"), std::string::npos);
  EXPECT_NE(inner.find("\xF0\x9F\x8C\x8A"), std::string::npos) << "emoji stay as UTF-8";
  EXPECT_EQ(ScriptSafeJson(json("bad \xFF byte")), "\"bad \xEF\xBF\xBD byte\"");
}

}  // namespace
}  // namespace gazette::themes
