// Site settings over the settings twin: the robots.txt setting's default, checks and line ends.
#include "content/site_settings.h"

#include <gtest/gtest.h>

#include "testing/memory_storage.h"

namespace gazette::content {
namespace {

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
