// Block markup: the comments go, the blocks' HTML stays, and the comment-only blocks mean what
// they meant on WordPress.
#include <gtest/gtest.h>

#include "imports/wordpress/test_util.h"

namespace gazette::imports::wordpress {
namespace {

TEST(BlocksTest, ParagraphAndHeadingLoseTheirComments) {
  const std::string md = Md(
      "<!-- wp:heading {\"level\":3} -->\n<h3 class=\"wp-block-heading\">Harbour news</h3>\n<!-- /wp:heading -->\n\n"
      "<!-- wp:paragraph -->\n<p>The ferry runs <strong>twice</strong> a day.</p>\n<!-- /wp:paragraph -->");
  EXPECT_EQ(md, "### Harbour news\n\nThe ferry runs **twice** a day.\n");
}

TEST(BlocksTest, NestedListKeepsOrderAndStart) {
  const std::string md = Md(
      "<!-- wp:list {\"ordered\":true,\"start\":4} -->\n<ol start=\"4\"><!-- wp:list-item -->\n<li>Nets"
      "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>mended</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"
      "</li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>Sails</li>\n<!-- /wp:list-item --></ol>\n"
      "<!-- /wp:list -->");
  EXPECT_EQ(md, "4. Nets\n   - mended\n5. Sails\n");
  const std::string html = content::RenderMarkdown(md).str();
  EXPECT_NE(html.find("<ol start=\"4\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<ul>\n<li>mended</li>"), std::string::npos) << html;
}

TEST(BlocksTest, QuoteAndPullquoteKeepTheirCitation) {
  const std::string quote = Md(
      "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Tides wait.</p>\n"
      "<!-- /wp:paragraph --><cite>A boatman</cite></blockquote>\n<!-- /wp:quote -->");
  EXPECT_EQ(quote, "> Tides wait.\n>\n> — A boatman\n");
  const std::string pull = Md(
      "<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\"><blockquote><p>Gulls are loud.</p>"
      "<cite>The keeper</cite></blockquote></figure>\n<!-- /wp:pullquote -->");
  EXPECT_EQ(pull, "> Gulls are loud.\n>\n> — The keeper\n");
}

TEST(BlocksTest, SeparatorMoreAndNextpage) {
  const std::string md = Md(
      "<!-- wp:paragraph --><p>Teaser.</p><!-- /wp:paragraph -->"
      "<!-- wp:more --><!--more--><!-- /wp:more -->"
      "<!-- wp:separator --><hr class=\"wp-block-separator\"/><!-- /wp:separator -->"
      "<!-- wp:nextpage --><!--nextpage--><!-- /wp:nextpage -->"
      "<!-- wp:paragraph --><p>Rest.</p><!-- /wp:paragraph -->");
  EXPECT_EQ(md, "Teaser.\n\n<!--more-->\n\n---\n\n<!--nextpage-->\n\nRest.\n");
}

TEST(BlocksTest, SpacerAndSiteBlocksAreDroppedAndCounted) {
  ConvertedContent c = ConvertContent(
      "<!-- wp:spacer {\"height\":\"20px\"} -->\n<div style=\"height:20px\" aria-hidden=\"true\" "
      "class=\"wp-block-spacer\"></div>\n<!-- /wp:spacer -->\n<!-- wp:latest-posts /-->\n"
      "<!-- wp:paragraph --><p>Kept.</p><!-- /wp:paragraph --><!-- wp:spacer --><div></div><!-- /wp:spacer -->");
  EXPECT_EQ(c.markdown, "Kept.\n");
  EXPECT_EQ(c.dropped_blocks["spacer"], 2);
  EXPECT_EQ(c.dropped_blocks["latest-posts"], 1);
}

TEST(BlocksTest, ContainersAreFlattenedToTheirContent) {
  const std::string md = Md(
      "<!-- wp:columns --><div class=\"wp-block-columns\"><!-- wp:column --><div class=\"wp-block-column\">"
      "<!-- wp:paragraph --><p>Left side.</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column -->"
      "<div class=\"wp-block-column\"><!-- wp:group --><div class=\"wp-block-group\"><!-- wp:paragraph -->"
      "<p>Right side.</p><!-- /wp:paragraph --></div><!-- /wp:group --></div><!-- /wp:column --></div>"
      "<!-- /wp:columns -->");
  EXPECT_EQ(md, "Left side.\n\nRight side.\n");
}

TEST(BlocksTest, CoverAndMediaTextKeepImageAndText) {
  const std::string md = Md(
      "<!-- wp:cover {\"url\":\"https://img.example/dock.jpg\"} --><div class=\"wp-block-cover\"><span "
      "aria-hidden=\"true\" class=\"wp-block-cover__background\"></span><img class=\"wp-block-cover__image-background\" "
      "alt=\"Dock\" src=\"https://img.example/dock.jpg\"/><div class=\"wp-block-cover__inner-container\">"
      "<!-- wp:paragraph --><p>Over the dock.</p><!-- /wp:paragraph --></div></div><!-- /wp:cover -->"
      "<!-- wp:media-text --><div class=\"wp-block-media-text\"><figure class=\"wp-block-media-text__media\">"
      "<img src=\"https://img.example/net.jpg\" alt=\"\"/></figure><div class=\"wp-block-media-text__content\">"
      "<!-- wp:paragraph --><p>Beside the net.</p><!-- /wp:paragraph --></div></div><!-- /wp:media-text -->");
  EXPECT_EQ(md,
            "![Dock](https://img.example/dock.jpg)\n\nOver the dock.\n\n![](https://img.example/net.jpg)\n\n"
            "Beside the net.\n");
}

TEST(BlocksTest, ButtonsBecomeLinks) {
  const std::string md = Md(
      "<!-- wp:buttons --><div class=\"wp-block-buttons\"><!-- wp:button --><div class=\"wp-block-button\">"
      "<a class=\"wp-block-button__link wp-element-button\" href=\"https://tickets.example/\">Buy a ticket</a>"
      "</div><!-- /wp:button --></div><!-- /wp:buttons -->");
  EXPECT_EQ(md, "[Buy a ticket](https://tickets.example/)\n");
}

TEST(BlocksTest, EmbedsBecomeVisibleLinks) {
  const std::string md = Md(
      "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=abc123\",\"type\":\"video\","
      "\"providerNameSlug\":\"youtube\"} -->\n<figure class=\"wp-block-embed is-type-video is-provider-youtube\">"
      "<div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc123\n</div><figcaption>Launch day"
      "</figcaption></figure>\n<!-- /wp:embed -->\n<!-- wp:embed {\"url\":\"https://vimeo.com/42\"} /-->");
  EXPECT_NE(md.find("](https://www.youtube.com/watch?v=abc123)"), std::string::npos) << md;
  EXPECT_NE(md.find("*Launch day*"), std::string::npos) << md;
  EXPECT_NE(md.find("[https\\://vimeo.com/42](https://vimeo.com/42)"), std::string::npos) << md;
  const std::string html = content::RenderMarkdown(md).str();
  EXPECT_NE(html.find("<a href=\"https://www.youtube.com/watch?v=abc123\">https://www.youtube.com/watch?v=abc123</a>"),
            std::string::npos)
      << html;
}

TEST(BlocksTest, FileAudioVideoBecomeLinks) {
  const std::string md = Md(
      "<!-- wp:file --><div class=\"wp-block-file\"><a href=\"https://files.example/tide.pdf\">Tide table</a>"
      "<a href=\"https://files.example/tide.pdf\" class=\"wp-block-file__button\" download>Download</a></div>"
      "<!-- /wp:file --><!-- wp:audio --><figure class=\"wp-block-audio\"><audio controls "
      "src=\"https://files.example/bell.mp3\"></audio><figcaption>The bell</figcaption></figure><!-- /wp:audio -->"
      "<!-- wp:video --><figure class=\"wp-block-video\"><video src=\"https://files.example/waves.mp4\"></video>"
      "</figure><!-- /wp:video -->");
  EXPECT_EQ(md,
            "[Tide table](https://files.example/tide.pdf) [Download](https://files.example/tide.pdf)\n\n"
            "[Audio: https\\://files.example/bell.mp3](https://files.example/bell.mp3)\n\n*The bell*\n\n"
            "[Video: https\\://files.example/waves.mp4](https://files.example/waves.mp4)\n");
}

TEST(BlocksTest, HtmlBlockIsSanitisedAndCounted) {
  ConvertedContent c = ConvertContent(
      "<!-- wp:html --><b>Bold</b> <script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x()\">click"
      "</a><!-- /wp:html -->");
  EXPECT_EQ(c.markdown, "**Bold** click\n");
  EXPECT_EQ(c.html_blocks["html"], 1);
}

TEST(BlocksTest, BrokenMarkupNeverCrashesOrLeavesComments) {
  for (const char* wp : {"<!-- wp:paragraph {\"bad json -->\n<p>Still here</p>", "<!-- /wp:group --><p>x</p>",
                         "<!-- wp:quote --><blockquote><p>open", "<!-- wp:", "<!-- wp:a /-->"}) {
    const std::string md = Md(wp);
    EXPECT_EQ(md.find("wp:"), std::string::npos) << wp << " -> " << md;
  }
  EXPECT_EQ(Md("<!-- wp:paragraph {\"bad json -->\n<p>Still here</p>"), "Still here\n");
}

}  // namespace
}  // namespace gazette::imports::wordpress
