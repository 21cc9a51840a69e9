// Shortcodes: the media ones shown, every other one kept as visible text and counted.
#include <gtest/gtest.h>

#include "imports/wordpress/test_util.h"

namespace gazette::imports::wordpress {
namespace {

TEST(ShortcodesTest, CaptionBecomesAFigureWithItsCaption) {
  const std::string md = Md(
      "[caption id=\"attachment_9\" align=\"alignleft\" width=\"300\"]<img src=\"https://img.example/pier.jpg\" "
      "alt=\"The pier\" width=\"300\" /> The old pier at dusk[/caption]");
  EXPECT_EQ(md, "![The pier](https://img.example/pier.jpg)\n\n*The old pier at dusk*\n");
  const std::string with_attr = Md(
      "[caption caption=\"A <em>fine</em> day\"]<a href=\"https://img.example/big.jpg\"><img "
      "src=\"https://img.example/small.jpg\" alt=\"\"></a>[/caption]");
  EXPECT_EQ(with_attr,
            "[![](https://img.example/small.jpg)](https://img.example/big.jpg)\n\n*A *fine* day*\n");
}

TEST(ShortcodesTest, EmbedAudioAndVideoBecomeLinks) {
  EXPECT_EQ(Md("[embed width=\"500\"]https://vimeo.com/123[/embed]"),
            "[https\\://vimeo.com/123](https://vimeo.com/123)\n");
  EXPECT_EQ(Md("[audio src=\"https://files.example/song.mp3\"]"),
            "[https\\://files.example/song.mp3](https://files.example/song.mp3)\n");
  EXPECT_EQ(Md("[video mp4='https://files.example/clip.mp4' width=640][/video]"),
            "[https\\://files.example/clip.mp4](https://files.example/clip.mp4)\n");
}

TEST(ShortcodesTest, GalleryUsesTheAttachmentLookup) {
  ConvertOptions options;
  options.find_attachment = [](long long id) -> std::optional<Attachment> {
    if (id == 5) return Attachment{"https://img.example/5.jpg", "Boats", "Morning boats"};
    if (id == 6) return Attachment{"https://img.example/6.jpg", "", ""};
    return std::nullopt;
  };
  ConvertedContent c = ConvertContent("[gallery columns=\"2\" ids=\"5, 6\"]", options);
  EXPECT_EQ(c.markdown, "![Boats](https://img.example/5.jpg)\n\n*Morning boats*\n\n![](https://img.example/6.jpg)\n");
  EXPECT_EQ(c.image_urls, (std::vector<std::string>{"https://img.example/5.jpg", "https://img.example/6.jpg"}));
  EXPECT_TRUE(c.unrendered_shortcodes.empty());
  // An id the export does not hold: the gallery cannot be shown, so it stays and is counted.
  ConvertedContent missing = ConvertContent("[gallery ids=\"5,77\"]", options);
  EXPECT_EQ(missing.unrendered_shortcodes["gallery"], 1);
  EXPECT_NE(missing.markdown.find("\\[gallery ids=\"5,77\"\\]"), std::string::npos) << missing.markdown;
}

TEST(ShortcodesTest, UnknownShortcodesStayVisibleAndAreCounted) {
  ConvertedContent c = ConvertContent("<p>Before [contact-form to=\"desk\"] and [poll id=3]Vote![/poll]</p>");
  EXPECT_EQ(c.unrendered_shortcodes["contact-form"], 1);
  EXPECT_EQ(c.unrendered_shortcodes["poll"], 1);
  const std::string html = content::RenderMarkdown(c.markdown).str();
  EXPECT_NE(html.find("[contact-form to=&quot;desk&quot;]"), std::string::npos) << html;
  EXPECT_NE(html.find("[poll id=3]Vote![/poll]"), std::string::npos) << html;
}

TEST(ShortcodesTest, DoubleBracketsAreTheLiteralText) {
  ConvertedContent c = ConvertContent("<p>Type [[gallery]] to make one.</p>");
  EXPECT_TRUE(c.unrendered_shortcodes.empty());
  EXPECT_NE(content::RenderMarkdown(c.markdown).str().find("Type [gallery] to make one."), std::string::npos);
}

TEST(ShortcodesTest, BracketsThatAreNotShortcodesAreLeftAlone) {
  ConvertedContent c = ConvertContent("<p>See note [1] and <code>a[i]</code>.</p><pre>x = [y]</pre>");
  EXPECT_TRUE(c.unrendered_shortcodes.empty());
  EXPECT_EQ(c.markdown, "See note \\[1\\] and `a[i]`.\n\n```\nx = [y]\n```\n");
}

}  // namespace
}  // namespace gazette::imports::wordpress
