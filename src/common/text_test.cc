#include "common/text.h"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(Utf8Test, FindsTheFirstInvalidByte) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii"));
  EXPECT_FALSE(
      FindInvalidUtf8("\xC2\xA3"
                      "5m and caf\xC3\xA9"));
  EXPECT_EQ(FindInvalidUtf8("cost \xA3"
                            "5"),
            5u);                                    // a Latin-1 pound sign
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);     // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);  // a surrogate
  EXPECT_EQ(FindInvalidUtf8("trunc\xE2\x82"), 5u);  // cut short
}

TEST(Utf8Test, SanitizeReplacesOnlyBadBytes) {
  EXPECT_EQ(SanitizeUtf8("a\xFF"
                         "b\xC3\xA9"),
            "a\xEF\xBF\xBD"
            "b\xC3\xA9");
}

TEST(EscapeHtmlTest, EscapesEveryHtmlSpecialCharacter) {
  EXPECT_EQ(EscapeHtml(R"(<script>alert("x") & 'y'</script>)"),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
}

TEST(SlugifyTest, MakesReadableAsciiSlugs) {
  EXPECT_EQ(Slugify("Labour plans maternity pay rise"), "labour-plans-maternity-pay-rise");
  EXPECT_EQ(Slugify("  Hello,   World!  "), "hello-world");
  EXPECT_EQ(Slugify("Labour's £5m plan"), "labours-5m-plan");
}

TEST(SlugifyTest, FoldsLatinAccentsAndKeepsOtherScripts) {
  EXPECT_EQ(Slugify("José Müller über Straße"), "jose-muller-uber-strasse");
  EXPECT_EQ(Slugify("Новости дня"), "новости-дня");
  EXPECT_EQ(Slugify("東京 2026"), "東京-2026");
}

TEST(SlugifyTest, EmptyWhenNoLettersAndCutsBetweenWords) {
  EXPECT_EQ(Slugify("!!! ??"), "");
  EXPECT_EQ(Slugify("alpha beta gamma delta", 12), "alpha-beta");
}

TEST(ExcerptTest, CutsAtAWordBoundaryWithEllipsis) {
  const std::string text = "The quick brown fox jumps over the lazy dog, and then it runs away into the forest.";
  const std::string ex = Excerpt(text, 30);
  EXPECT_EQ(ex, "The quick brown fox jumps over...");
  EXPECT_EQ(Excerpt("Short text.", 90), "Short text.");
}

TEST(ExcerptTest, CountsCodePointsNotBytes) {
  const std::string text = "£££££ £££££ £££££ £££££";
  EXPECT_EQ(Excerpt(text, 12), "£££££ £££££...");
}

TEST(SplitTrimmedTest, DropsEmptyPieces) {
  EXPECT_EQ(SplitTrimmed(" a, b ,,c ", ','), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(EncodePathTest, EncodesNonAsciiButKeepsSlashes) { EXPECT_EQ(EncodePath("/tag/caf\xC3\xA9/"), "/tag/caf%C3%A9/"); }

TEST(EncodeQueryValueTest, EncodesEverythingButUnreservedBytes) {
  EXPECT_EQ(EncodeQueryValue("https://x.example/caf\xC3\xA9/?a=1&b=2 c"),
            "https%3A%2F%2Fx.example%2Fcaf%C3%A9%2F%3Fa%3D1%26b%3D2%20c");
  EXPECT_EQ(EncodeQueryValue("A-z_0.9~"), "A-z_0.9~");
}

}  // namespace
}  // namespace gazette::text
