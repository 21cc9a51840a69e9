// Page links: what the static export's crawl follows.
#include "app/page_links.h"

#include <gtest/gtest.h>

namespace gazette::app {
namespace {

TEST(PageLinksTest, FindsHrefSrcAndSrcset) {
  const auto links = HtmlLinks(
      "<!doctype html><html><head><link rel=stylesheet href=\"/static/style.css?v=3\"></head><body>"
      "<a href=\"/tag/news/\">News</a><img src=\"/media/a.jpg\" srcset=\"/media/a-480.jpg 480w, /media/a-960.jpg 960w\">"
      "<p>unclosed <a href='/page/2/'>next</body></html>");
  EXPECT_EQ(links, (std::vector<std::string>{"/static/style.css?v=3", "/tag/news/", "/media/a.jpg", "/media/a-480.jpg",
                                             "/media/a-960.jpg", "/page/2/"}));
}

TEST(PageLinksTest, ReadsSitemapLocations) {
  const auto locs = SitemapLocations(
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc>https://n.example/a/</loc></url><url><loc> https://n.example/b/ </loc></url></urlset>");
  EXPECT_EQ(locs, (std::vector<std::string>{"https://n.example/a/", "https://n.example/b/"}));
}

TEST(PageLinksTest, ResolvesLocalLinksAndDropsTheRest) {
  const char* site = "https://n.example";
  EXPECT_EQ(LocalPath("/tag/news/?page=2#top", "/", site), "/tag/news/");
  EXPECT_EQ(LocalPath("https://n.example/2018/01/05/x/", "/", site), "/2018/01/05/x/");
  EXPECT_EQ(LocalPath("../b/", "/a/c/", site), "/a/b/");
  EXPECT_EQ(LocalPath("?replytocom=3#comment-form", "/2018/x/", site), "/2018/x/");
  EXPECT_EQ(LocalPath("/tag/caf%C3%A9/", "/", site), "/tag/caf\xC3\xA9/");
  EXPECT_FALSE(LocalPath("https://other.example/x/", "/", site));
  EXPECT_FALSE(LocalPath("http://n.example/x/", "/", site));
  EXPECT_FALSE(LocalPath("mailto:desk@n.example", "/", site));
  EXPECT_FALSE(LocalPath("//other.example/x", "/", site));
}

}  // namespace
}  // namespace gazette::app
