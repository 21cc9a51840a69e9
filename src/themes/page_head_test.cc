// The <head> values: Open Graph locales, images, article properties and robots.
#include "themes/page_head.h"

#include <gtest/gtest.h>

namespace gazette::themes {
namespace {

namespace mus = kainjow::mustache;

std::string Render(const std::string& tmpl, mus::data data) { return mus::mustache(tmpl).render(data); }

TEST(PageHeadTest, LocalesFollowTheSiteLanguage) {
  EXPECT_EQ(OpenGraphLocale("en"), "en_US");
  EXPECT_EQ(OpenGraphLocale("en-GB"), "en_GB");
  EXPECT_EQ(OpenGraphLocale("pt_br"), "pt_BR");
  EXPECT_EQ(OpenGraphLocale("FR"), "fr_FR");
  EXPECT_EQ(OpenGraphLocale("eo"), "eo");
}

TEST(PageHeadTest, AnArticleWithItsImageGetsALargeCard) {
  content::SiteSettings site;
  site.url = "https://news.example";
  PageHead head;
  head.title = "T | Site";
  head.og_title = "T";
  head.og_type = "article";
  head.path = "/2027/01/15/caf\xC3\xA9/";
  head.image = ShareImage{"/media/x-1600.jpg", 1600, 900, "Boats"};
  head.article = ArticleMeta{1'800'000'000, 1'800'000'060, {"/author/ann/"}, "Harbour", {"Harbour", "Council"}};
  const mus::data d = HeadData(site, head);
  EXPECT_EQ(Render("{{canonical}}", d), "https://news.example/2027/01/15/caf%C3%A9/");
  EXPECT_EQ(Render("{{#og}}{{type}} {{locale}} {{title}} {{url}} {{twitter_card}}{{/og}}", d),
            "article en_US T https://news.example/2027/01/15/caf%C3%A9/ summary_large_image");
  EXPECT_EQ(Render("{{#og}}{{#image}}{{url}} {{width}}x{{height}} {{alt}}{{/image}}{{/og}}", d),
            "https://news.example/media/x-1600.jpg 1600x900 Boats");
  EXPECT_EQ(Render("{{#og}}{{#article}}{{published_time}} {{modified_time}} {{#authors}}{{.}}{{/authors}} "
                   "{{section}} {{#tags}}[{{.}}]{{/tags}}{{/article}}{{/og}}",
                   d),
            "2027-01-15T08:00:00Z 2027-01-15T08:01:00Z https://news.example/author/ann/ Harbour [Harbour][Council]");
}

TEST(PageHeadTest, OtherPagesUseTheDefaultImageAndASmallCard) {
  content::SiteSettings site;
  site.default_image = "https://cdn.example/share.png";
  PageHead head;
  head.title = "Site";
  head.og_type = "website";
  head.path = "/page/2/";
  head.prev_path = "/";
  head.next_path = "/page/3/";
  const mus::data d = HeadData(site, head);
  EXPECT_EQ(Render("{{#og}}{{#image}}{{url}}|{{width}}{{/image}} {{twitter_card}}{{/og}}", d),
            "https://cdn.example/share.png| summary");
  EXPECT_EQ(Render("{{prev_url}} {{next_url}} {{description}}", d),
            "http://127.0.0.1:8080/ http://127.0.0.1:8080/page/3/ News, written by people.");
  PageHead error;
  error.title = "Not found";
  error.robots = "noindex";
  const mus::data e = HeadData(site, error);
  EXPECT_EQ(Render("{{robots}}|{{#og}}og{{/og}}|{{canonical}}", e), "noindex||");
}

}  // namespace
}  // namespace gazette::themes
