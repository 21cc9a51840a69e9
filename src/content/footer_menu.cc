// The footer menu is parsed strictly when saved and again when read, so that a bad line can
// only come from editing the database by hand; readers then see the links that do parse.
#include "content/footer_menu.h"

#include "common/text.h"

namespace gazette::content {
namespace {

bool IsMenuTarget(std::string_view v) {
  if (v.empty()) return false;
  for (unsigned char c : v)
    if (c <= ' ' || c == 0x7F || c == '"' || c == '<' || c == '>') return false;
  for (std::string_view scheme : {"http://", "https://"})
    if (v.starts_with(scheme)) return v.size() > scheme.size() && v[scheme.size()] != '/';
  return v.front() == '/' && !v.starts_with("//");
}

}  // namespace

Result<std::vector<MenuLink>> ParseFooterMenu(std::string_view text) {
  if (!text::IsValidUtf8(text)) return Error::Invalid("The footer menu is not valid UTF-8 text.", "footer_menu");
  std::vector<MenuLink> links;
  int line_no = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_no;
    line = text::Trim(line);
    if (line.empty()) continue;
    const std::string where = "Footer menu, line " + std::to_string(line_no) + ": ";
    const std::size_t bar = line.rfind('|');
    if (bar == std::string_view::npos)
      return Error::Invalid(where + "write it as Label | /path/.", "footer_menu");
    MenuLink link{text::CollapseWhitespace(line.substr(0, bar)), std::string(text::Trim(line.substr(bar + 1)))};
    if (link.label.empty()) return Error::Invalid(where + "the link needs a label.", "footer_menu");
    if (text::CountCodePoints(link.label) > kMaxMenuLabelChars)
      return Error::Invalid(where + "the label is too long.", "footer_menu");
    if (!IsMenuTarget(link.href))
      return Error::Invalid(where + "the link goes to a path such as /about/ or an http(s) URL.", "footer_menu");
    links.push_back(std::move(link));
    if (links.size() > kMaxFooterLinks)
      return Error::Invalid("The footer menu holds at most " + std::to_string(kMaxFooterLinks) + " links.",
                            "footer_menu");
  }
  return links;
}

std::string FormatFooterMenu(const std::vector<MenuLink>& links) {
  std::string out;
  for (const auto& l : links) out += (out.empty() ? "" : "\n") + l.label + " | " + l.href;
  return out;
}

}  // namespace gazette::content
