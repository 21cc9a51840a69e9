// Markdown syntax from arbitrary text, so that what an author wrote is shown as written.
#include "imports/wordpress/markdown_text.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "content/markdown.h"

namespace gazette::imports::wordpress {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::size_t LongestRun(std::string_view text, char c) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char x : text) {
    run = x == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

std::string EscapeText(std::string_view text) {
  const std::string escaped = content::EscapeMarkdown(text);
  std::string out;
  out.reserve(escaped.size() + 8);
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    const char c = escaped[i];
    const char next = i + 1 < escaped.size() ? escaped[i + 1] : '\0';
    const char prev = i > 0 ? escaped[i - 1] : '\0';
    // "&amp;" written as text must not turn back into "&"; "http://" and "www." would be linked
    // by the autolink extension, and an escape breaks each of them.
    if ((c == '&' && (IsAlnum(next) || next == '#')) || (c == ':' && next == '/' && IsAlnum(prev)) ||
        (c == '.' && i >= 3 && text::AsciiLower(std::string_view(escaped).substr(i - 3, 3)) == "www")) {
      out += '\\';
    }
    // The extension links "x@y.z" after joining the text back together, so no escape reaches it;
    // an invisible word joiner before the '@' is what keeps an address in the text plain text.
    if (c == '@' && IsAlnum(next) && (IsAlnum(prev) || (prev != '\0' && std::string_view(".+-_").find(prev) != std::string_view::npos))) {
      out += "\u2060";
    }
    out += c;
  }
  return out;
}

std::string CodeSpan(std::string_view text) {
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  const std::string ticks(LongestRun(flat, '`') + 1, '`');
  // A space on each side when the code begins or ends with a backtick (CommonMark strips one).
  const bool pad = !flat.empty() && (flat.front() == '`' || flat.back() == '`');
  return ticks + (pad ? " " : "") + flat + (pad ? " " : "") + ticks;
}

std::string FencedCode(std::string_view text, std::string_view language) {
  const std::string fence(std::max<std::size_t>(3, LongestRun(text, '`') + 1), '`');
  std::string body(text);
  if (!body.empty() && body.back() != '\n') body += '\n';
  std::string info;
  for (char c : language) {
    if (IsAlnum(c) || c == '-' || c == '_' || c == '+') info += c;
  }
  return fence + info + "\n" + body + fence;
}

std::string LinkDestination(std::string_view url) {
  const std::string trimmed(text::Trim(url));
  const std::string lower = text::AsciiLower(trimmed);
  std::string scheme;
  for (char c : lower) {
    if (c == ':') break;
    if (c != '\t' && c != '\n' && c != '\r') scheme += c;
  }
  if (lower.find(':') != std::string::npos &&
      (scheme == "javascript" || scheme == "vbscript" || scheme == "data")) {
    return "";
  }
  std::string out;
  for (char c : trimmed) {
    switch (c) {
      case ' ': out += "%20"; break;
      case '(': out += "%28"; break;
      case ')': out += "%29"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      case '\n': case '\r': case '\t': break;
      case '\\': out += "%5C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string LinkTitle(std::string_view title) {
  std::string out;
  for (char c : text::CollapseWhitespace(title)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string PrefixLines(std::string_view block, std::string_view first, std::string_view rest) {
  std::string out;
  std::string_view rest_trimmed = rest;
  while (!rest_trimmed.empty() && rest_trimmed.back() == ' ') rest_trimmed.remove_suffix(1);
  bool first_line = true;
  std::size_t start = 0;
  while (start <= block.size()) {
    const std::size_t nl = std::min(block.find('\n', start), block.size());
    std::string_view line = block.substr(start, nl - start);
    out += first_line ? first : (line.empty() ? rest_trimmed : rest);
    out += line;
    first_line = false;
    if (nl >= block.size()) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

}  // namespace gazette::imports::wordpress
