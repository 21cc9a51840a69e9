// Article webhook payloads: the address of the event, and everything a CDN must purge.
#include "newsroom/article_webhooks.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace gazette::newsroom {
namespace {

content::Article Sample() {
  content::Article a;
  a.id = 7;
  a.slug = "ferry-returns";
  a.title = "Ferry returns";
  a.status = content::ArticleStatus::kPublished;
  a.published_at = 1796000000;  // 2026-11-30
  a.tags = {{1, "Harbour", "harbour"}, {2, "Sea Life", "sea-life"}};
  a.authors = {{3, "Ann Lee", "ann-lee"}};
  return a;
}

ArticleEvent EventFor(const content::Article& a, std::string name) {
  ArticleEvent e;
  e.id = 42;
  e.event = std::move(name);
  e.article_id = a.id;
  e.slug = a.slug;
  e.published_at = a.published_at;
  e.created_at = 1796000100;
  return e;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(ArticleWebhooksTest, PurgesTheArticleHomeTagsAuthorsAndTheirFeeds) {
  auto permalink = content::Permalink::Parse("/{yyyy}/{mm}/{dd}/{slug}/");
  ASSERT_TRUE(permalink);
  const auto a = Sample();
  const auto paths = PurgePaths(EventFor(a, "article.published"), a, *permalink);
  EXPECT_EQ(paths.front(), "/2026/11/30/ferry-returns/");
  for (const char* p : {"/", "/feed/", "/feed/atom/", "/feed.json", "/tag/harbour/", "/tag/harbour/feed/",
                        "/tag/sea-life/feed.json", "/author/ann-lee/", "/author/ann-lee/feed/atom/"})
    EXPECT_TRUE(Has(paths, p)) << p;
  EXPECT_EQ(std::set<std::string>(paths.begin(), paths.end()).size(), paths.size()) << "each path once";
}

TEST(ArticleWebhooksTest, AnUnpublishedOrMovedArticlePurgesTheAddressItHad) {
  auto permalink = content::Permalink::Parse("/{yyyy}/{mm}/{dd}/{slug}/");
  ASSERT_TRUE(permalink);
  auto a = Sample();
  auto e = EventFor(a, "article.updated");
  a.published_at = 0;  // the stored article no longer says where it was
  e.old_slug = "ferry-return";
  const auto paths = PurgePaths(e, a, *permalink);
  EXPECT_EQ(paths[0], "/2026/11/30/ferry-returns/");
  EXPECT_EQ(paths[1], "/2026/11/30/ferry-return/");
}

TEST(ArticleWebhooksTest, PayloadCarriesTheArticleTimeAndAbsoluteUrls) {
  content::SiteView site{content::SiteSettings{}, *content::Permalink::Parse("/{yyyy}/{mm}/{dd}/{slug}/")};
  site.settings.url = "https://news.example.org";
  const auto a = Sample();
  const auto j = nlohmann::json::parse(ArticlePayload(EventFor(a, "article.unpublished"), a, site));
  EXPECT_EQ(j["event"], "article.unpublished");
  EXPECT_EQ(j["delivery"], 42);
  EXPECT_EQ(j["at"], "2026-11-30T00:55:00Z");
  EXPECT_EQ(j["article"]["id"], 7);
  EXPECT_EQ(j["article"]["slug"], "ferry-returns");
  EXPECT_EQ(j["article"]["title"], "Ferry returns");
  EXPECT_EQ(j["article"]["url"], "https://news.example.org/2026/11/30/ferry-returns/");
  ASSERT_EQ(j["purge"].size(), j["purge_urls"].size());
  EXPECT_EQ(j["purge_urls"][1], "https://news.example.org/");
}

}  // namespace
}  // namespace gazette::newsroom
