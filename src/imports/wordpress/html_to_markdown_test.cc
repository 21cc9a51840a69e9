// The HTML walker: inline formatting, escaping, images, tables, code and verse.
#include <gtest/gtest.h>

#include "imports/wordpress/test_util.h"

namespace gazette::imports::wordpress {
namespace {

TEST(HtmlToMarkdownTest, InlineFormatting) {
  EXPECT_EQ(Md("<p><strong>bold</strong>, <em>it</em>, <code>x+1</code>, <s>old</s>, <a href=\"/about/\" "
               "title=\"Who\">us</a></p>"),
            "**bold**, *it*, `x+1`, ~~old~~, [us](/about/ \"Who\")\n");
  EXPECT_EQ(Md("<p>H<sub>2</sub>O, E=mc<sup>2</sup>, <kbd>Ctrl</kbd>, <mark>note</mark></p>"),
            "H<sub>2</sub>O, E=mc<sup>2</sup>, <kbd>Ctrl</kbd>, <mark>note</mark>\n");
  EXPECT_EQ(Md("<p>a<strong> spaced </strong>b</p>"), "a **spaced** b\n");
}

TEST(HtmlToMarkdownTest, EntitiesAreDecodedAndKeptLiteral) {
  EXPECT_EQ(Md("<p>Let&#8217;s go &amp; see &lt;b&gt; &amp;copy;</p>"), "Let\u2019s go & see \\<b\\> \\&copy;\n");
  EXPECT_EQ(Html("<p>&amp;copy; &lt;script&gt;</p>"), "<p>&amp;copy; &lt;script&gt;</p>\n");
}

TEST(HtmlToMarkdownTest, TextNeverBecomesFormattingOrLinks) {
  const std::string html = Html(
      "<p>*not em* _nor_ [a](b) # x 1. y &gt; z `tick` ~~no~~ | pipe http://bare.example www.site.example "
      "me@mail.example</p><p>- not a list</p><p>2) neither</p>");
  EXPECT_EQ(html.find("<em>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a "), std::string::npos) << html;
  EXPECT_EQ(html.find("<code>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<del>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<li>"), std::string::npos) << html;
  EXPECT_NE(html.find("*not em* _nor_ [a](b) # x 1. y &gt; z `tick` ~~no~~ | pipe http://bare.example "
                      "www.site.example me\u2060@mail.example"),
            std::string::npos)
      << html;
}

TEST(HtmlToMarkdownTest, ImagesAreRecordedAndRewritten) {
  ConvertOptions options;
  options.rewrite_image = [](std::string_view url) { return "/media/" + std::string(url.substr(url.rfind('/') + 1)); };
  ConvertedContent c = ConvertContent(
      "<!-- wp:image --><figure class=\"wp-block-image\"><a href=\"https://site.example/p/\"><img "
      "src=\"https://img.example/a b.jpg\" alt=\"A [boat]\"/></a><figcaption>Sails <em>up</em></figcaption></figure>"
      "<!-- /wp:image -->",
      options);
  EXPECT_EQ(c.markdown, "[![A \\[boat\\]](/media/a%20b.jpg)](https://site.example/p/)\n\n*Sails *up**\n");
  EXPECT_EQ(c.image_urls, std::vector<std::string>{"https://img.example/a b.jpg"});
}

TEST(HtmlToMarkdownTest, UnsafeUrlsAreNotLinked) {
  EXPECT_EQ(Md("<p><a href=\"javascript:alert(1)\">x</a><img src=\"data:image/png;base64,AAA\" alt=\"dot\"></p>"),
            "xdot\n");
}

TEST(HtmlToMarkdownTest, SimpleTableIsAPipeTable) {
  EXPECT_EQ(Md("<figure class=\"wp-block-table\"><table><thead><tr><th>Boat</th><th>Crew</th></tr></thead><tbody>"
               "<tr><td>Gull</td><td>3 | 4</td></tr></tbody></table><figcaption>Fleet</figcaption></figure>"),
            "| Boat | Crew |\n| --- | --- |\n| Gull | 3 \\| 4 |\n\n*Fleet*\n");
  // Without a header row, an empty one: no data row is turned into a heading.
  EXPECT_EQ(Md("<table><tr><td>a</td><td>b</td></tr></table>"), "|  |  |\n| --- | --- |\n| a | b |\n");
}

TEST(HtmlToMarkdownTest, MergedCellsAreLaidOutOnTheGridAndReported) {
  ConvertedContent c = ConvertContent(
      "<table><tr><th colspan=\"2\">Both</th></tr><tr><td rowspan=\"2\">Tall</td><td>x</td></tr>"
      "<tr><td>y</td></tr></table>");
  EXPECT_EQ(c.markdown, "| Both |  |\n| --- | --- |\n| Tall | x |\n|  | y |\n");
  EXPECT_EQ(c.html_blocks["table"], 1);
}

TEST(HtmlToMarkdownTest, CodeKeepsEveryCharacter) {
  const std::string code = "int main() {\n  return a < b && c > ```d```;\n}\n\n// *end*";
  const std::string md = Md(
      "<!-- wp:code --><pre class=\"wp-block-code\"><code class=\"language-cpp\">int main() {\n  return a &lt; b "
      "&amp;&amp; c &gt; ```d```;\n}\n\n// *end*</code></pre><!-- /wp:code -->");
  EXPECT_EQ(md, "````cpp\n" + code + "\n````\n");
  EXPECT_NE(content::RenderMarkdown(md).str().find("return a &lt; b &amp;&amp; c &gt; ```d```;"), std::string::npos);
}

TEST(HtmlToMarkdownTest, PreformattedAndVerse) {
  EXPECT_EQ(Md("<!-- wp:preformatted --><pre class=\"wp-block-preformatted\">  two  spaces\n[tab]\there</pre>"
               "<!-- /wp:preformatted -->"),
            "```\n  two  spaces\n[tab]\there\n```\n");
  EXPECT_EQ(Md("<!-- wp:verse --><pre class=\"wp-block-verse\">The tide <em>comes</em>\n  and goes</pre>"
               "<!-- /wp:verse -->"),
            "The tide *comes*\\\n\u00a0\u00a0and goes\n");
}

TEST(HtmlToMarkdownTest, DefinitionListsAndDetailsKeepTheirText) {
  EXPECT_EQ(Md("<dl><dt>Ebb</dt><dd>The tide going out.</dd></dl><details><summary>More</summary><p>Hidden."
               "</p></details>"),
            "**Ebb**\n\nThe tide going out.\n\n**More**\n\nHidden.\n");
}

TEST(HtmlToMarkdownTest, HeadingsOfEveryLevel) {
  EXPECT_EQ(Md("<h1>One</h1><h6>Six #</h6><h2>Two<br>lines</h2>"), "# One\n\n###### Six \\#\n\n## Two lines\n");
}

}  // namespace
}  // namespace gazette::imports::wordpress
