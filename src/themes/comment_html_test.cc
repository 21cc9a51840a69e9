#include "themes/comment_html.h"

#include <gtest/gtest.h>

namespace gazette::themes {
namespace {

TEST(CommentHtmlTest, MakesParagraphsAndLineBreaks) {
  EXPECT_EQ(CommentBodyHtml("one\ntwo\n\nthree").str(), "<p>one<br>two</p><p>three</p>");
  EXPECT_EQ(CommentBodyHtml("a\r\n\r\n\r\n\r\nb").str(), "<p>a</p><p>b</p>");
}

TEST(CommentHtmlTest, EscapesEverything) {
  EXPECT_EQ(CommentBodyHtml("<script>alert('x')</script> & \"q\"").str(),
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
}

}  // namespace
}  // namespace gazette::themes

namespace gazette::themes {
namespace {

TEST(CommentHtmlTest, LinksAddressesWithUgcNofollowNoopener) {
  EXPECT_EQ(CommentBodyHtml("See https://example.org/a?b=1&c=2.").str(),
            "<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"ugc nofollow noopener\">"
            "https://example.org/a?b=1&amp;c=2</a>.</p>");
  EXPECT_EQ(CommentBodyHtml("(www.example.org)").str(),
            "<p>(<a href=\"http://www.example.org\" rel=\"ugc nofollow noopener\">www.example.org</a>)</p>");
  EXPECT_EQ(CommentBodyHtml("javascript:alert(1) http://x\"onmouseover=\"y").str(),
            "<p>javascript:alert(1) <a href=\"http://x\" rel=\"ugc nofollow noopener\">http://x</a>"
            "&quot;onmouseover=&quot;y</p>");
}

}  // namespace
}  // namespace gazette::themes
