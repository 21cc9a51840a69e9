#include "content/redirects.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(NormaliseRedirectSource, KeepsOnlyTheParametersThatNameContent) {
  EXPECT_EQ(NormaliseRedirectSource("/?p=12&utm_source=x"), "/?p=12");
  EXPECT_EQ(NormaliseRedirectSource("/?utm_source=x&page_id=7&p="), "/?page_id=7");
  EXPECT_EQ(NormaliseRedirectSource("/?tag=b&cat=3"), "/?cat=3&tag=b");
}

TEST(NormaliseRedirectSource, DropsTheHostAndAddsTheTrailingSlash) {
  EXPECT_EQ(NormaliseRedirectSource("http://old.example/2019/01/hello"), "/2019/01/hello/");
  EXPECT_EQ(NormaliseRedirectSource("https://old.example/?p=4#comments"), "/?p=4");
  EXPECT_EQ(NormaliseRedirectSource("https://old.example"), "/");
  EXPECT_EQ(NormaliseRedirectSource("old-post"), "/old-post/");
  EXPECT_EQ(NormaliseRedirectSource("/files/report.pdf"), "/files/report.pdf");
}

}  // namespace
}  // namespace gazette::content
