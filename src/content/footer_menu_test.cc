#include "content/footer_menu.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(FooterMenuTest, ParsesLabelAndTargetPerLine) {
  auto menu = ParseFooterMenu("About us | /about/\r\n\n  Our  team|/about/team/ \nPress | https://press.example/kit\n");
  ASSERT_TRUE(menu) << menu.error().message;
  ASSERT_EQ(menu->size(), 3u);
  EXPECT_EQ((*menu)[0].label, "About us");
  EXPECT_EQ((*menu)[0].href, "/about/");
  EXPECT_EQ((*menu)[1].label, "Our team");
  EXPECT_EQ((*menu)[1].href, "/about/team/");
  EXPECT_EQ((*menu)[2].href, "https://press.example/kit");
  EXPECT_EQ(FormatFooterMenu(*menu), "About us | /about/\nOur team | /about/team/\nPress | https://press.example/kit");
}

TEST(FooterMenuTest, EmptyTextIsNoMenu) {
  auto menu = ParseFooterMenu(" \n\n");
  ASSERT_TRUE(menu);
  EXPECT_TRUE(menu->empty());
}

TEST(FooterMenuTest, RefusesBadLines) {
  for (const char* bad : {"About /about/", " | /about/", "About | about/", "About | //evil.example/",
                          "About | javascript:alert(1)", "About | /a b/", "About | /\"onmouseover=x/", "\xff | /x/"}) {
    auto menu = ParseFooterMenu(bad);
    ASSERT_FALSE(menu) << bad;
    EXPECT_EQ(menu.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(menu.error().field, "footer_menu");
  }
  auto named = ParseFooterMenu("Home | /\nBroken");
  ASSERT_FALSE(named);
  EXPECT_NE(named.error().message.find("line 2"), std::string::npos);
}

TEST(FooterMenuTest, BoundsTheNumberOfLinksAndTheLabel) {
  std::string many;
  for (int i = 0; i <= static_cast<int>(kMaxFooterLinks); ++i) many += "Link " + std::to_string(i) + " | /p" + std::to_string(i) + "/\n";
  EXPECT_FALSE(ParseFooterMenu(many));
  EXPECT_FALSE(ParseFooterMenu(std::string(kMaxMenuLabelChars + 1, 'a') + " | /x/"));
}

}  // namespace
}  // namespace gazette::content
