#include "search/highlight.h"

#include <gtest/gtest.h>

namespace gazette::search {
namespace {

TEST(HighlightTest, EscapesTextAndMarksMatches) {
  HighlightedText t = {{"<b>Tax</b> & ", false}, {"rates", true}, {" \"up\"", false}};
  EXPECT_EQ(HighlightToHtml(t).str(), "&lt;b&gt;Tax&lt;/b&gt; &amp; <mark>rates</mark> &quot;up&quot;");
  EXPECT_EQ(PlainText(t), "<b>Tax</b> & rates \"up\"");
}

TEST(HighlightTest, ParsesMarkersAndDropsStrayOnes) {
  EXPECT_EQ(ParseMarked("a [b] c", "[", "]"), (HighlightedText{{"a ", false}, {"b", true}, {" c", false}}));
  EXPECT_EQ(ParseMarked("] a [[b] ]c [d", "[", "]"),
            (HighlightedText{{" a ", false}, {"b", true}, {" c ", false}, {"d", true}}));
  EXPECT_EQ(HighlightToHtml(ParseMarked("[<script>]", "[", "]")).str(), "<mark>&lt;script&gt;</mark>");
}

}  // namespace
}  // namespace gazette::search
