// URL detection, deliberately conservative: only http(s) and www. addresses become links, so a
// "javascript:" or "data:" text can never turn into one.
#include "comments/links.h"

#include <algorithm>

#include "common/text.h"

namespace gazette::comments {
namespace {

bool StartsWithAt(std::string_view text, std::size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  return text::AsciiLower(text.substr(i, prefix.size())) == prefix;
}

bool EndsUrl(char c) {
  return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
}

}  // namespace

std::vector<UrlSpan> FindUrls(std::string_view text) {
  std::vector<UrlSpan> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t prefix = 0;
    if (StartsWithAt(text, i, "https://"))
      prefix = 8;
    else if (StartsWithAt(text, i, "http://"))
      prefix = 7;
    else if (StartsWithAt(text, i, "www."))
      prefix = 4;
    // Only at a word boundary: "xhttp://" is not an address.
    const bool boundary = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    if (prefix == 0 || !boundary) {
      ++i;
      continue;
    }
    std::size_t end = i + prefix;
    while (end < text.size() && !EndsUrl(text[end])) ++end;
    while (end > i + prefix) {
      const char last = text[end - 1];
      const auto span = text.substr(i, end - i);
      if (std::string_view(".,;:!?").find(last) != std::string_view::npos) {
        --end;
      } else if (last == ')' && std::count(span.begin(), span.end(), '(') < std::count(span.begin(), span.end(), ')')) {
        --end;
      } else {
        break;
      }
    }
    if (end == i + prefix) {  // "http://" alone
      i = end;
      continue;
    }
    std::string href(text.substr(i, end - i));
    if (prefix == 4) href = "http://" + href;
    out.push_back({i, end, std::move(href)});
    i = end;
  }
  return out;
}

std::string UrlHost(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = text::AsciiLower(rest);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

}  // namespace gazette::comments
