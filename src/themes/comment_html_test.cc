#include "themes/comment_html.h"

#include <gtest/gtest.h>

namespace gazette::themes {
namespace {

TEST(CommentHtmlTest, MakesParagraphsAndLineBreaks) {
  EXPECT_EQ(CommentBodyHtml("one\ntwo\n\nthree"), "<p>one<br>two</p><p>three</p>");
  EXPECT_EQ(CommentBodyHtml("a\r\n\r\n\r\n\r\nb"), "<p>a</p><p>b</p>");
}

TEST(CommentHtmlTest, EscapesEverything) {
  EXPECT_EQ(CommentBodyHtml("<script>alert('x')</script> & \"q\""),
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
}

}  // namespace
}  // namespace gazette::themes
