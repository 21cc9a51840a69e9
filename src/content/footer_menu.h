// The footer menu: links an administrator lists in the setting site.footer_menu, one
// "Label | /path/" per line, shown in every page's footer (typically the static pages).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gazette::content {

struct MenuLink {
  std::string label;  // plain text: "About us"
  std::string href;   // a path on this site ("/about/") or an http(s) URL
};

inline constexpr std::size_t kMaxFooterLinks = 20;
inline constexpr std::size_t kMaxMenuLabelChars = 60;

// The links of `text`, in order: each non-blank line is "Label | target", both trimmed, the
// target a site path ("/about/", not "//host") or an http(s) URL without spaces. kInvalidArgument
// (field "footer_menu", the message naming the line) for a line of another shape, an empty or
// too long label, text that is not UTF-8, or more than kMaxFooterLinks links. "" is no menu.
Result<std::vector<MenuLink>> ParseFooterMenu(std::string_view text);
// The stored form: "Label | /path/" lines joined by \n.
std::string FormatFooterMenu(const std::vector<MenuLink>& links);

}  // namespace gazette::content
