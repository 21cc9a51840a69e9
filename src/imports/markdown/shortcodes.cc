// Shortcode conversion: a scan for "{{<" / "{{%" and a small argument reader (Hugo's own
// grammar: positional or name=value arguments, values bare, "double-quoted" or `raw`).
#include "imports/markdown/shortcodes.h"

#include <cctype>
#include <vector>

#include "common/text.h"
#include "content/markdown.h"

namespace gazette::imports::markdown {
namespace {

struct Shortcode {
  std::string name;
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
};

// Reads one value at `pos` in `args`: "quoted" (with \" escapes), `raw`, or up to a space.
std::string ReadValue(std::string_view args, std::size_t& pos) {
  std::string value;
  if (pos < args.size() && (args[pos] == '"' || args[pos] == '`')) {
    const char quote = args[pos++];
    while (pos < args.size() && args[pos] != quote) {
      if (quote == '"' && args[pos] == '\\' && pos + 1 < args.size()) ++pos;
      value += args[pos++];
    }
    ++pos;
    return value;
  }
  while (pos < args.size() && !std::isspace(static_cast<unsigned char>(args[pos]))) value += args[pos++];
  return value;
}

Shortcode ParseShortcode(std::string_view inside) {
  Shortcode sc;
  std::size_t pos = 0;
  auto skip_spaces = [&] {
    while (pos < inside.size() && std::isspace(static_cast<unsigned char>(inside[pos]))) ++pos;
  };
  skip_spaces();
  while (pos < inside.size() && !std::isspace(static_cast<unsigned char>(inside[pos]))) sc.name += inside[pos++];
  for (skip_spaces(); pos < inside.size(); skip_spaces()) {
    std::size_t eq = pos;
    while (eq < inside.size() && (std::isalnum(static_cast<unsigned char>(inside[eq])) || inside[eq] == '_')) ++eq;
    if (eq > pos && eq < inside.size() && inside[eq] == '=') {
      std::string key(inside.substr(pos, eq - pos));
      pos = eq + 1;
      sc.named[key] = ReadValue(inside, pos);
    } else {
      sc.positional.push_back(ReadValue(inside, pos));
    }
  }
  return sc;
}

// Markdown link destinations cannot hold spaces or parentheses unescaped.
std::string LinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == ' ') out += "%20";
    else if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else if (c != '\n' && c != '<' && c != '>') out += c;
  }
  return out;
}

std::string Named(const Shortcode& sc, const std::string& key) {
  auto it = sc.named.find(key);
  return it == sc.named.end() ? std::string() : it->second;
}

// The Markdown for a figure or a youtube shortcode, or "" when it has none.
std::string ToMarkdown(const Shortcode& sc) {
  if (sc.name == "figure") {
    const std::string src = Named(sc, "src");
    if (src.empty()) return {};
    const std::string caption = Named(sc, "caption").empty() ? Named(sc, "title") : Named(sc, "caption");
    const std::string alt = Named(sc, "alt").empty() ? caption : Named(sc, "alt");
    std::string md = "![" + content::EscapeMarkdown(text::CollapseWhitespace(alt)) + "](" + LinkTarget(src) + ")";
    if (!caption.empty()) md += "\\\n*" + content::EscapeMarkdown(text::CollapseWhitespace(caption)) + "*";
    return md;
  }
  if (sc.name == "youtube") {
    std::string id = Named(sc, "id");
    if (id.empty() && !sc.positional.empty()) id = sc.positional.front();
    if (id.empty() || id.size() > 64) return {};
    for (char c : id)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return {};
    const std::string title = Named(sc, "title").empty() ? "Watch the video on YouTube" : Named(sc, "title");
    return "[" + content::EscapeMarkdown(title) + "](https://www.youtube.com/watch?v=" + id + ")";
  }
  return {};
}

}  // namespace

ConvertedBody ConvertShortcodes(std::string_view body) {
  ConvertedBody out;
  out.markdown.reserve(body.size());
  std::size_t pos = 0;
  while (pos < body.size()) {
    const std::size_t open = body.find("{{", pos);
    if (open == std::string_view::npos || open + 2 >= body.size()) break;
    const char kind = body[open + 2];
    if (kind != '<' && kind != '%') {
      out.markdown.append(body.substr(pos, open + 2 - pos));
      pos = open + 2;
      continue;
    }
    const std::string_view closer = kind == '<' ? ">}}" : "%}}";
    const std::size_t close = body.find(closer, open + 3);
    if (close == std::string_view::npos) break;
    out.markdown.append(body.substr(pos, open - pos));
    const std::string_view whole = body.substr(open, close + 3 - open);
    Shortcode sc = ParseShortcode(body.substr(open + 3, close - open - 3));
    std::string md = ToMarkdown(sc);
    if (md.empty()) {
      out.markdown.append(whole);
      // A closing tag ({{< /note >}}) belongs to a shortcode already counted.
      if (!sc.name.empty() && sc.name.front() != '/' && !sc.name.starts_with("/*")) ++out.kept[sc.name];
    } else {
      out.markdown += md;
    }
    pos = close + 3;
  }
  out.markdown.append(body.substr(std::min(pos, body.size())));
  return out;
}

}  // namespace gazette::imports::markdown
