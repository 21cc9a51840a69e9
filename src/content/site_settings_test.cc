// Site settings: the publisher and image settings, checked and stored like the others.
#include "content/site_settings.h"

#include <gtest/gtest.h>

#include <map>

namespace gazette::content {
namespace {

class MemorySettings final : public SettingsRepository {
 public:
  Result<std::optional<std::string>> Get(std::string_view key) const override {
    auto it = values.find(std::string(key));
    if (it == values.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Status Set(std::string_view key, std::string_view value) override {
    values[std::string(key)] = std::string(value);
    return Status::Ok();
  }
  std::map<std::string, std::string> values;
};

TEST(SiteSettingsTest, ImageSettingsTakeHttpUrlsOrSitePaths) {
  for (const char* good : {"", "https://cdn.example/logo.png", "http://example.org/a b", "/static/logo.png"})
    EXPECT_EQ(IsSettingUrl(good), std::string_view(good).find(' ') == std::string_view::npos) << good;
  for (const char* bad : {"javascript:alert(1)", "//evil.example/x.png", "logo.png", "https://", "https:///x",
                          "ftp://example.org/x.png", "/a\nb"})
    EXPECT_FALSE(IsSettingUrl(bad)) << bad;
}

TEST(SiteSettingsTest, PublisherAndImagesAreSetCheckedAndLoaded) {
  MemorySettings repo;
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
  EXPECT_EQ(std::string(keys.back().key), "site.default_image");
}

}  // namespace
}  // namespace gazette::content
