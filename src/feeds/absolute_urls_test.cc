// Relative URLs in an article's HTML become absolute; absolute ones and the text stay.
#include "feeds/absolute_urls.h"

#include <gtest/gtest.h>

namespace gazette::feeds {
namespace {

constexpr const char* kBase = "https://news.example/2026/12/07/harbour/";

TEST(AbsoluteUrlsTest, ResolvesRootedRelativeAndFragmentUrls) {
  const std::string out = AbsoluteUrls(
      "<p><a href=\"/tag/port/\">port</a> <a href=\"notes/\">notes</a> <a href=\"#fn1\">1</a></p>\n"
      "<p><img src=\"/media/a-480.jpg\" srcset=\"/media/a-480.jpg 480w, /media/a-960.jpg 960w\" alt=\"A\"></p>",
      kBase);
  EXPECT_NE(out.find("href=\"https://news.example/tag/port/\""), std::string::npos) << out;
  EXPECT_NE(out.find("href=\"https://news.example/2026/12/07/harbour/notes/\""), std::string::npos) << out;
  EXPECT_NE(out.find("href=\"https://news.example/2026/12/07/harbour/#fn1\""), std::string::npos) << out;
  EXPECT_NE(out.find("src=\"https://news.example/media/a-480.jpg\""), std::string::npos) << out;
  EXPECT_NE(out.find("srcset=\"https://news.example/media/a-480.jpg 480w, https://news.example/media/a-960.jpg 960w\""),
            std::string::npos)
      << out;
}

TEST(AbsoluteUrlsTest, LeavesAbsoluteUrlsAndTextAlone) {
  const std::string out = AbsoluteUrls(
      "<p>Tom &amp; Jerry &lt;3 <a href=\"https://other.example/x?a=1&amp;b=2\">x</a> "
      "<a href=\"mailto:desk@news.example\">mail</a></p>",
      kBase);
  EXPECT_NE(out.find("Tom &amp; Jerry &lt;3"), std::string::npos) << out;
  EXPECT_NE(out.find("href=\"https://other.example/x?a=1&amp;b=2\""), std::string::npos) << out;
  EXPECT_NE(out.find("href=\"mailto:desk@news.example\""), std::string::npos) << out;
}

TEST(AbsoluteUrlsTest, VoidElementsOfHtml5GetNoEndTag) {
  const std::string out = AbsoluteUrls(
      "<figure><picture><source type=\"image/webp\" srcset=\"/media/a.webp 480w\">"
      "<img src=\"/media/a.png\" alt=\"Boats &amp; &quot;nets&quot;\"></picture><figcaption>Dawn</figcaption></figure>"
      "<p>a<br>b<wbr>c</p>",
      kBase);
  EXPECT_EQ(out,
            "<figure><picture><source type=\"image/webp\" srcset=\"https://news.example/media/a.webp 480w\">"
            "<img src=\"https://news.example/media/a.png\" alt=\"Boats &amp; &quot;nets&quot;\"></picture>"
            "<figcaption>Dawn</figcaption></figure><p>a<br>b<wbr>c</p>");
}

TEST(AbsoluteUrlsTest, KeepsEveryBlockOfTheFragment) {
  const std::string out = AbsoluteUrls("<h2>One</h2>\n<ul><li>a</li></ul>\n<pre><code>x &lt; y</code></pre>", kBase);
  EXPECT_NE(out.find("<h2>One</h2>"), std::string::npos) << out;
  EXPECT_NE(out.find("<li>a</li>"), std::string::npos) << out;
  EXPECT_NE(out.find("x &lt; y"), std::string::npos) << out;
  EXPECT_EQ(out.find("gazette-fragment"), std::string::npos) << out;
  EXPECT_EQ(AbsoluteUrls("", kBase), "");
}

}  // namespace
}  // namespace gazette::feeds
