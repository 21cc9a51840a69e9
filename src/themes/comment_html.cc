// Comment text to HTML.
#include "themes/comment_html.h"

#include "comments/links.h"
#include "common/text.h"

namespace gazette::themes {
namespace {

// One line of text: escaped, with its web addresses turned into links that pass no ranking
// credit and no window.opener.
std::string LineHtml(std::string_view line) {
  const std::string clean = text::SanitizeUtf8(line);
  std::string out;
  std::size_t at = 0;
  for (const auto& url : comments::FindUrls(clean)) {
    out += text::EscapeHtml(std::string_view(clean).substr(at, url.begin - at));
    out += "<a href=\"" + text::EscapeHtml(url.href) + "\" rel=\"ugc nofollow noopener\">";
    out += text::EscapeHtml(std::string_view(clean).substr(url.begin, url.end - url.begin)) + "</a>";
    at = url.end;
  }
  out += text::EscapeHtml(std::string_view(clean).substr(at));
  return out;
}

}  // namespace

SafeHtml CommentBodyHtml(std::string_view body) {
  std::string out;
  std::string normalized;
  normalized.reserve(body.size());
  for (char c : body)
    if (c != '\r') normalized += c;
  std::size_t start = 0;
  const std::string_view text = normalized;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view para = text::Trim(text.substr(start, end - start));
    if (!para.empty()) {
      out += "<p>";
      std::size_t line_start = 0;
      while (line_start <= para.size()) {
        std::size_t nl = para.find('\n', line_start);
        if (nl == std::string_view::npos) nl = para.size();
        if (line_start > 0) out += "<br>";
        out += LineHtml(text::Trim(para.substr(line_start, nl - line_start)));
        line_start = nl + 1;
      }
      out += "</p>";
    }
    start = end + 2;
  }
  return SafeHtml::Trusted(std::move(out));
}

}  // namespace gazette::themes
