#include "themes/markup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gazette::themes {
namespace {

TEST(CheckUnescaped, AcceptsOnlyMarkupNames) {
  EXPECT_TRUE(CheckUnescaped("t", "{{title}} {{{body_html}}} {{& avatar_svg}} {{{content}}} {{{tag.name_html}}}"));
  auto raw = CheckUnescaped("card", "<h2>{{{title}}}</h2>");
  ASSERT_FALSE(raw);
  EXPECT_NE(raw.error().message.find("card"), std::string::npos);
  EXPECT_NE(raw.error().message.find("\"title\""), std::string::npos);
  EXPECT_FALSE(CheckUnescaped("t", "{{&excerpt}}"));
  EXPECT_FALSE(CheckUnescaped("t", "{{{ site.title }}}"));
}

TEST(SetHtml, PrintsSafeHtmlUnescapedAndTextEscaped) {
  kainjow::mustache::mustache tpl("{{{body_html}}}|{{body_html}}");
  kainjow::mustache::data d;
  SetHtml(d, "body_html", SafeHtml::Escape("<b>") += SafeHtml::Trusted("<i>x</i>"));
  EXPECT_EQ(tpl.render(d), "&lt;b&gt;<i>x</i>|&amp;lt;b&amp;gt;&lt;i&gt;x&lt;/i&gt;");
}

TEST(Theme, ShippedTemplatesPrintOnlyMarkupUnescaped) {
  for (const char* dir : {"/themes/default/", "/themes/admin/"}) {
    for (const auto& e : std::filesystem::directory_iterator(std::string(GAZETTE_SOURCE_DIR) + dir)) {
      if (e.path().extension() != ".mustache") continue;
      std::ifstream in(e.path());
      std::ostringstream s;
      s << in.rdbuf();
      auto st = CheckUnescaped(e.path().string(), s.str());
      EXPECT_TRUE(st) << st.error().message;
    }
  }
}

}  // namespace
}  // namespace gazette::themes
