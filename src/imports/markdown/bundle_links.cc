// Link rewriting by a scan, not a Markdown parse: the destinations that matter are short file
// names, and leaving every other byte alone keeps the author's text as it was.
#include "imports/markdown/bundle_links.h"

namespace gazette::imports::markdown {
namespace {

// The link target at `pos` ends at a space, a closing parenthesis or the line's end.
std::size_t TargetEnd(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] != ')' && s[pos] != ' ' && s[pos] != '\n' && s[pos] != '\t') ++pos;
  return pos;
}

const std::string* Lookup(const std::map<std::string, std::string>& urls, std::string_view target) {
  if (target.starts_with("./")) target.remove_prefix(2);
  auto it = urls.find(std::string(target));
  return it == urls.end() ? nullptr : &it->second;
}

}  // namespace

std::string RewriteBundleLinks(std::string_view markdown, const std::map<std::string, std::string>& urls,
                               int* count) {
  std::string out;
  out.reserve(markdown.size());
  int replaced = 0;
  std::size_t pos = 0;
  bool line_start = true;
  while (pos < markdown.size()) {
    std::size_t target = std::string_view::npos;
    if (markdown.compare(pos, 2, "](") == 0) {
      target = pos + 2;
    } else if (line_start && markdown[pos] == '[') {
      // A reference definition: "[label]: target" at the start of a line.
      const std::size_t close = markdown.find("]:", pos);
      const std::size_t nl = markdown.find('\n', pos);
      if (close != std::string_view::npos && close < nl) {
        target = close + 2;
        while (target < markdown.size() && markdown[target] == ' ') ++target;
      }
    }
    if (target == std::string_view::npos) {
      line_start = markdown[pos] == '\n';
      out += markdown[pos++];
      continue;
    }
    const std::size_t end = TargetEnd(markdown, target);
    out.append(markdown.substr(pos, target - pos));
    if (const std::string* url = Lookup(urls, markdown.substr(target, end - target))) {
      out += *url;
      ++replaced;
    } else {
      out.append(markdown.substr(target, end - target));
    }
    pos = end;
    line_start = false;
  }
  if (count) *count = replaced;
  return out;
}

}  // namespace gazette::imports::markdown
