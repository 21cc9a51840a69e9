#include "imports/markdown/shortcodes.h"

#include <gtest/gtest.h>

#include "imports/markdown/bundle_links.h"

namespace gazette::imports::markdown {
namespace {

TEST(ShortcodesTest, FigureBecomesAnImageWithItsCaption) {
  auto out = ConvertShortcodes("Before\n\n{{< figure src=\"/img/boat.jpg\" caption=\"The *new* boat\" >}}\n\nAfter");
  EXPECT_EQ(out.markdown, "Before\n\n![The \\*new\\* boat](/img/boat.jpg)\\\n*The \\*new\\* boat*\n\nAfter");
  EXPECT_TRUE(out.kept.empty());
}

TEST(ShortcodesTest, FigureAltAndBareValues) {
  auto out = ConvertShortcodes("{{< figure src=a.png alt=\"A crane\" >}}");
  EXPECT_EQ(out.markdown, "![A crane](a.png)");
}

TEST(ShortcodesTest, YoutubeBecomesALink) {
  EXPECT_EQ(ConvertShortcodes("{{< youtube w7Ft2ymGmfc >}}").markdown,
            "[Watch the video on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)");
  EXPECT_EQ(ConvertShortcodes("{{< youtube id=\"abc_-1\" title=\"Launch\" >}}").markdown,
            "[Launch](https://www.youtube.com/watch?v=abc_-1)");
}

TEST(ShortcodesTest, OthersAreKeptAndCounted) {
  const std::string body =
      "{{< tweet user=\"x\" id=\"1\" >}}\n{{% notice info %}}Careful{{% /notice %}}\n{{< tweet 2 >}}\n"
      "{{< youtube \"bad id!\" >}}\n{{< figure caption=\"no source\" >}}";
  auto out = ConvertShortcodes(body);
  EXPECT_EQ(out.markdown, body);
  EXPECT_EQ(out.kept, (std::map<std::string, int>{{"figure", 1}, {"notice", 1}, {"tweet", 2}, {"youtube", 1}}));
}

TEST(ShortcodesTest, UnclosedAndPlainBracesAreLeftAlone) {
  EXPECT_EQ(ConvertShortcodes("a {{ b }} c {{< figure src=x").markdown, "a {{ b }} c {{< figure src=x");
  EXPECT_EQ(ConvertShortcodes("{{").markdown, "{{");
  EXPECT_EQ(ConvertShortcodes("").markdown, "");
}

TEST(BundleLinksTest, RewritesOnlyTheBundlesFiles) {
  const std::map<std::string, std::string> urls = {{"a.jpg", "/media/h-a.jpg"}, {"img/b.png", "/media/h-b.png"}};
  int n = 0;
  const std::string out = RewriteBundleLinks(
      "![x](a.jpg) [y](./img/b.png \"t\") ![z](other.jpg) (a.jpg)\n[ref]: a.jpg\n", urls, &n);
  EXPECT_EQ(out, "![x](/media/h-a.jpg) [y](/media/h-b.png \"t\") ![z](other.jpg) (a.jpg)\n[ref]: /media/h-a.jpg\n");
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace gazette::imports::markdown
