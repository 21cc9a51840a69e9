// Comment text to HTML.
#include "themes/comment_html.h"

#include "common/text.h"

namespace gazette::themes {

std::string CommentBodyHtml(std::string_view body) {
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
        out += text::EscapeHtml(text::SanitizeUtf8(text::Trim(para.substr(line_start, nl - line_start))));
        line_start = nl + 1;
      }
      out += "</p>";
    }
    start = end + 2;
  }
  return out;
}

}  // namespace gazette::themes
