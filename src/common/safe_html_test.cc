// SafeHtml, and the rule that makes it mean something: only the markup makers call Trusted, and
// nothing puts a plain string where a template prints markup unescaped.
#include "common/safe_html.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace gazette {
namespace {

TEST(SafeHtml, EscapeMakesTextInertMarkup) {
  EXPECT_EQ(SafeHtml::Escape("<script>alert('x')</script> & \"q\"").str(),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  SafeHtml h = SafeHtml::Trusted("<p>");
  h += SafeHtml::Escape("a<b");
  EXPECT_EQ(h.str(), "<p>a&lt;b");
}

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every source file under src/ whose text matches `pattern`, relative to src/.
std::set<std::string> FilesMatching(const std::regex& pattern) {
  const std::filesystem::path src = std::filesystem::path(GAZETTE_SOURCE_DIR) / "src";
  std::set<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(src)) {
    if (!e.is_regular_file()) continue;
    const auto ext = e.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    if (e.path().filename().string().ends_with("_test.cc")) continue;
    if (std::regex_search(Read(e.path()), pattern)) out.insert(std::filesystem::relative(e.path(), src).string());
  }
  return out;
}

TEST(SafeHtml, OnlyTheMarkupMakersCallTrusted) {
  const std::set<std::string> makers = {
      "common/safe_html.h",         // defines it
      "content/markdown.cc",        // cmark-gfm, raw HTML and unsafe links dropped
      "themes/comment_html.cc",     // comment text, escaped, with links and paragraphs
      "themes/renderer.cc",         // an article's body as the Markdown renderer stored it; rendered templates
      "themes/structured_data.cc",  // JSON-LD with every '<', '>' and '&' written as a \u escape
      "search/highlight.cc",        // escaped fragments in <mark>
      "media/media.cc",             // <picture> and <figure>, every attribute escaped
      "comments/identicon.cc",      // an SVG of rectangles from a hash
      "admin/views.cc",             // rendered admin templates (the layout's content)
  };
  for (const auto& f : FilesMatching(std::regex(R"(SafeHtml::Trusted\()")))
    EXPECT_TRUE(makers.count(f)) << f << " makes SafeHtml from a string: build it with a markup maker or Escape";
}

TEST(SafeHtml, MarkupKeysAreSetOnlyFromSafeHtml) {
  // A template's {{{x_html}}} is filled only through themes::SetHtml / admin::SetHtml, which take
  // SafeHtml; a plain set("x_html", string) would bypass the type.
  for (const auto& f : FilesMatching(std::regex(R"re(\.set\(\s*"[a-z_]*_(html|svg)")re")))
    ADD_FAILURE() << f << " sets a markup key from a plain string";
}

}  // namespace
}  // namespace gazette
