#include "http/sitemap_paths.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

using Kind = SitemapPath::Kind;

TEST(SitemapPathTest, NamesEachChildAndItsPages) {
  EXPECT_EQ(SitemapPathName({Kind::kArticles, 2026, 12, 1}), "/sitemap-articles-2026-12.xml");
  EXPECT_EQ(SitemapPathName({Kind::kArticles, 2027, 1, 2}), "/sitemap-articles-2027-01-2.xml");
  EXPECT_EQ(SitemapPathName({Kind::kTags, 0, 0, 1}), "/sitemap-tags.xml");
  EXPECT_EQ(SitemapPathName({Kind::kAuthors, 0, 0, 3}), "/sitemap-authors-3.xml");
  EXPECT_EQ(SitemapPathName({Kind::kPages, 0, 0, 1}), "/sitemap-pages.xml");
}

TEST(SitemapPathTest, ParsesWhatItNames) {
  for (const SitemapPath& p : {SitemapPath{Kind::kArticles, 2026, 12, 1}, SitemapPath{Kind::kArticles, 1999, 1, 17},
                               SitemapPath{Kind::kTags, 0, 0, 1}, SitemapPath{Kind::kTags, 0, 0, 2},
                               SitemapPath{Kind::kAuthors, 0, 0, 1}, SitemapPath{Kind::kPages, 0, 0, 1}}) {
    auto parsed = ParseSitemapPath(SitemapPathName(p));
    ASSERT_TRUE(parsed) << SitemapPathName(p);
    EXPECT_EQ(*parsed, p) << SitemapPathName(p);
  }
}

TEST(SitemapPathTest, RefusesEveryOtherSpelling) {
  for (const char* path :
       {"/sitemap-articles-2026-13.xml", "/sitemap-articles-2026-00.xml", "/sitemap-articles-2026-1.xml",
        "/sitemap-articles-2026.xml", "/sitemap-articles-2026-12-1.xml", "/sitemap-articles-2026-12-02.xml",
        "/sitemap-articles-2026-12-2-3.xml", "/sitemap-articles-+2026-12.xml", "/sitemap-tags-1.xml",
        "/sitemap-tags-0.xml", "/sitemap-tags--2.xml", "/sitemap-tags-x.xml", "/sitemap-tags.xml.gz", "/sitemap-tags",
        "/sitemap-.xml", "/sitemap-news.xml", "/sitemap-tags- 2.xml", "/sitemap.xml"})
    EXPECT_FALSE(ParseSitemapPath(path)) << path;
}

TEST(SitemapPathTest, SplitsPastFiftyThousandAddresses) {
  EXPECT_EQ(SitemapPageCount(0), 1);
  EXPECT_EQ(SitemapPageCount(50000), 1);
  EXPECT_EQ(SitemapPageCount(50001), 2);
  EXPECT_EQ(SitemapPageCount(150000), 3);
}

}  // namespace
}  // namespace gazette::http
