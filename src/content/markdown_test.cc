#include "content/markdown.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(MarkdownTest, RendersGfmTablesStrikethroughAndAutolinks) {
  const std::string html =
      RenderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ see https://example.org/x\n").str();
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("<del>old</del>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://example.org/x\">"), std::string::npos);
}

TEST(MarkdownTest, FiltersRawHtmlAndJavascriptLinks) {
  const std::string html =
      RenderMarkdown("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>").str();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
}

TEST(MarkdownTest, LetsThroughOnlyBareBalancedPhrasingTags) {
  EXPECT_EQ(RenderMarkdown("H<sub>2</sub>O and E=mc<sup>2</sup>, press <kbd>Esc</kbd>, <mark>*new*</mark>").str(),
            "<p>H<sub>2</sub>O and E=mc<sup>2</sup>, press <kbd>Esc</kbd>, <mark><em>new</em></mark></p>\n");
  // With an attribute, unbalanced, crossed or in another case: omitted, as all raw HTML is.
  for (const char* md : {"<sup onclick=\"x()\">1</sup>", "a<sup>1", "a</sup>", "<sup><sub>x</sup></sub>",
                         "<SUP>1</SUP>", "<sup >1</sup>"}) {
    const std::string html = RenderMarkdown(md).str();
    EXPECT_EQ(html.find("<sup"), std::string::npos) << md << " -> " << html;
    EXPECT_EQ(html.find("<SUP"), std::string::npos) << md << " -> " << html;
    EXPECT_EQ(html.find("onclick"), std::string::npos) << md << " -> " << html;
  }
  EXPECT_EQ(MarkdownToPlainText("E=mc<sup>2</sup>"), "E=mc2\n");
}

TEST(MarkdownTest, PlainTextDropsMarkup) {
  EXPECT_EQ(MarkdownToPlainText("## Title\n\nSome **bold** text."), "Title\n\nSome bold text.\n");
}

TEST(MarkdownTest, EscapedPlainTextRendersLiterally) {
  const std::string plain = "# not a heading\n1. not a list\n*stars* and <b>tags</b> and a_b_c";
  const std::string back = MarkdownToPlainText(EscapeMarkdown(plain));
  EXPECT_NE(back.find("# not a heading"), std::string::npos);
  EXPECT_NE(back.find("1. not a list"), std::string::npos);
  EXPECT_NE(back.find("*stars* and <b>tags</b> and a_b_c"), std::string::npos);
  EXPECT_EQ(RenderMarkdown(EscapeMarkdown(plain)).str().find("<h1>"), std::string::npos);
}

TEST(MarkdownTest, HeadingsNestUnderThePageHeadline) {
  const std::string html = RenderMarkdown("# Top\n\n#### Deep\n\n### Deeper\n\n## Back\n\n### Under").str();
  EXPECT_EQ(html, "<h2>Top</h2>\n<h3>Deep</h3>\n<h3>Deeper</h3>\n<h2>Back</h2>\n<h3>Under</h3>\n");
}

}  // namespace
}  // namespace gazette::content
