// LiveSettings: reloads what was stored, keeps the last good view, and old snapshots stay valid.
#include "content/live_settings.h"

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

TEST(LiveSettingsTest, ReloadShowsNewSettingsAndOldSnapshotsStayValid) {
  MemorySettings repo;
  SiteSettings s;
  s.title = "Harbourton Herald";
  ASSERT_TRUE(SaveSiteSettings(repo, s));
  auto live = LiveSettings::Load(repo);
  ASSERT_TRUE(live) << live.error().message;
  auto before = (*live)->Current();
  EXPECT_EQ(before->settings.title, "Harbourton Herald");

  s.title = "The Evening Herald";
  s.permalink = "/news/{slug}/";
  ASSERT_TRUE(SaveSiteSettings(repo, s));
  EXPECT_EQ((*live)->Current()->settings.title, "Harbourton Herald") << "nothing changes before a reload";
  ASSERT_TRUE((*live)->Reload());
  auto after = (*live)->Current();
  EXPECT_EQ(after->settings.title, "The Evening Herald");
  EXPECT_EQ(after->permalink.pattern(), "/news/{slug}/");
  EXPECT_EQ(before->settings.title, "Harbourton Herald") << "a snapshot taken earlier is unchanged";
}

TEST(LiveSettingsTest, ABadStoredPatternKeepsTheLastGoodView) {
  MemorySettings repo;
  ASSERT_TRUE(SaveSiteSettings(repo, SiteSettings{}));
  auto live = LiveSettings::Load(repo);
  ASSERT_TRUE(live);
  repo.values["site.permalink"] = "no-slash-and-no-slug";
  auto st = (*live)->Reload();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ((*live)->Current()->permalink.pattern(), SiteSettings{}.permalink);
  EXPECT_FALSE(LiveSettings::Load(repo));
}

}  // namespace
}  // namespace gazette::content
