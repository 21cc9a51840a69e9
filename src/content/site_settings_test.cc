// Site settings: the publisher and image settings, and robots.txt's default, checks and line ends,
// checked and stored like the others.
#include "content/site_settings.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/memory_storage.h"

namespace gazette::content {
namespace {

TEST(SiteUrlSettingsTest, ImageSettingsTakeHttpUrlsOrSitePaths) {
  for (const char* good : {"", "https://cdn.example/logo.png", "http://example.org/a b", "/static/logo.png"})
    EXPECT_EQ(IsSettingUrl(good), std::string_view(good).find(' ') == std::string_view::npos) << good;
  for (const char* bad : {"javascript:alert(1)", "//evil.example/x.png", "logo.png", "https://", "https:///x",
                          "ftp://example.org/x.png", "/a\nb"})
    EXPECT_FALSE(IsSettingUrl(bad)) << bad;
}

TEST(SiteUrlSettingsTest, PublisherAndImagesAreSetCheckedAndLoaded) {
  gazette::testing::MemoryStorage storage;
  SettingsRepository& repo = storage.settings;
  ASSERT_TRUE(SaveSiteSettings(repo, SiteSettings{}));
  auto loaded = LoadSiteSettings(repo);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->PublisherName(), "Gazette") << "the site title by default";
  ASSERT_TRUE(SetSiteSetting(repo, "site.publisher_name", "Harbourton Media Ltd"));
  ASSERT_TRUE(SetSiteSetting(repo, "site.publisher_logo", "/static/logo.png"));
  ASSERT_TRUE(SetSiteSetting(repo, "site.default_image", "https://cdn.example/share.jpg"));
  auto bad = SetSiteSetting(repo, "site.default_image", "javascript:alert(1)");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "default_image");
  loaded = LoadSiteSettings(repo);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->PublisherName(), "Harbourton Media Ltd");
  EXPECT_EQ(AbsoluteUrl(*loaded, loaded->publisher_logo), "http://127.0.0.1:8080/static/logo.png");
  EXPECT_EQ(AbsoluteUrl(*loaded, loaded->default_image), "https://cdn.example/share.jpg");
  EXPECT_EQ(AbsoluteUrl(*loaded, ""), "");
  const auto& keys = SiteSettingKeys();
  EXPECT_TRUE(std::any_of(keys.begin(), keys.end(),
                          [](const SiteSettingKey& k) { return std::string(k.key) == "site.default_image"; }));
}

class SiteSettingsTest : public ::testing::Test {
 protected:
  std::string Stored(const std::string& key) { return storage_.settings.Get(key)->value_or("(unset)"); }

  gazette::testing::MemoryStorage storage_;
};

TEST_F(SiteSettingsTest, RobotsTxtDefaultsToEverythingButTheNewsroomApisAndSearch) {
  auto s = LoadSiteSettings(storage_.settings);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->robots_txt, "User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /search\n");
  ASSERT_TRUE(SaveSiteSettings(storage_.settings, *s));
  EXPECT_EQ(Stored("seo.robots_txt"), s->robots_txt);
}

TEST_F(SiteSettingsTest, RobotsTxtIsSetWithItsLineEndsMadeNewlines) {
  ASSERT_TRUE(SetSiteSetting(storage_.settings, "seo.robots_txt", "User-agent: *\r\nDisallow: /drafts/\rAllow: /\n"));
  EXPECT_EQ(Stored("seo.robots_txt"), "User-agent: *\nDisallow: /drafts/\nAllow: /\n");
  EXPECT_EQ(LoadSiteSettings(storage_.settings)->robots_txt, "User-agent: *\nDisallow: /drafts/\nAllow: /\n");
  ASSERT_TRUE(SetSiteSetting(storage_.settings, "seo.robots_txt", "")) << "empty: crawlers may read everything";
  EXPECT_EQ(LoadSiteSettings(storage_.settings)->robots_txt, "");
}

TEST_F(SiteSettingsTest, RobotsTxtIsBoundedPlainText) {
  ASSERT_TRUE(SetSiteSetting(storage_.settings, "seo.robots_txt", "Disallow: /a/\n"));
  for (const std::string& bad : {std::string(kMaxRobotsTxtBytes + 1, 'x'), std::string("Disallow: /\0x/", 14),
                                 std::string("Disallow: /\x1b[31m"), std::string("Disallow: /caf\xC3")}) {
    auto st = SetSiteSetting(storage_.settings, "seo.robots_txt", bad);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(st.error().field, "robots_txt");
  }
  EXPECT_TRUE(SetSiteSetting(storage_.settings, "seo.robots_txt", std::string(kMaxRobotsTxtBytes, 'x')));
  EXPECT_EQ(Stored("seo.robots_txt").size(), kMaxRobotsTxtBytes);
}

}  // namespace
}  // namespace gazette::content
