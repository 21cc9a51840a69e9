// WordPress shortcodes: [name attr="v" 'v' v], [name/], [name]content[/name], and [[name]] for
// the literal text. Gazette shows the media ones; any other is kept as visible text and counted,
// since only the site that had its plugin could render it.
#include <cctype>
#include <map>
#include <optional>
#include <vector>

#include "common/text.h"
#include "imports/wordpress/conversion.h"

namespace gazette::imports::wordpress {
namespace {

struct Shortcode {
  std::string name;
  std::map<std::string, std::string> attrs;  // positional ones under "0", "1", ...
  std::string content;                       // of the enclosing form
  bool escaped = false;                      // [[name]]: shown as [name]
  std::size_t end = 0;
};

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// shortcode_parse_atts: name="v", name='v', name=v, "v", v.
std::map<std::string, std::string> ParseAttributes(std::string_view s) {
  std::map<std::string, std::string> attrs;
  int positional = 0;
  std::size_t i = 0;
  auto read_value = [&]() {
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      const char quote = s[i++];
      const std::size_t close = std::min(s.find(quote, i), s.size());
      std::string v(s.substr(i, close - i));
      i = close + 1;
      return v;
    }
    const std::size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    return std::string(s.substr(start, i - start));
  };
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && IsNameChar(s[j])) ++j;
    if (j > i && j < s.size() && s[j] == '=') {
      std::string name = text::AsciiLower(s.substr(i, j - i));
      i = j + 1;
      attrs[name] = read_value();
    } else {
      attrs[std::to_string(positional++)] = read_value();
    }
  }
  return attrs;
}

// Reads a shortcode at s[at] == '['. Names begin with a letter, so that "[1]" stays text.
std::optional<Shortcode> Read(std::string_view s, std::size_t at) {
  Shortcode sc;
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '[') {
    sc.escaped = true;
    ++i;
  }
  const std::size_t name_start = i;
  if (i >= s.size() || std::isalpha(static_cast<unsigned char>(s[i])) == 0) return std::nullopt;
  while (i < s.size() && IsNameChar(s[i])) ++i;
  sc.name = std::string(s.substr(name_start, i - name_start));
  if (i < s.size() && !(IsSpace(s[i]) || s[i] == ']' || s[i] == '/')) return std::nullopt;
  // Attributes run to the first ']' that is not inside quotes; '[' may not appear in them.
  const std::size_t attrs_start = i;
  char quote = 0;
  for (; i < s.size(); ++i) {
    if (quote != 0) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (s[i] == ']' || s[i] == '[') {
      break;
    }
  }
  if (i >= s.size() || s[i] != ']') return std::nullopt;
  std::string_view attrs = s.substr(attrs_start, i - attrs_start);
  const bool self_closing = attrs.ends_with('/');
  if (self_closing) attrs.remove_suffix(1);
  sc.attrs = ParseAttributes(attrs);
  sc.end = i + 1;
  if (!self_closing) {
    const std::string closer = "[/" + sc.name + "]";
    const std::size_t close = s.find(closer, sc.end);
    if (close != std::string_view::npos) {
      sc.content = std::string(s.substr(sc.end, close - sc.end));
      sc.end = close + closer.size();
    }
  }
  if (sc.escaped) {
    if (sc.end < s.size() && s[sc.end] == ']') ++sc.end;
    else return std::nullopt;  // "[[name]" is the text "[" and then a shortcode
  }
  return sc;
}

// Where `closer` (lowercase, "</pre") next appears in `s` from `from`, in any case; s.size() if never.
std::size_t FindClosing(std::string_view s, std::size_t from, std::string_view closer) {
  for (std::size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (text::AsciiLower(s.substr(i, closer.size())) == closer) return i;
  }
  return s.size();
}

std::string Attr(const Shortcode& sc, const std::string& key) {
  auto it = sc.attrs.find(key);
  return it == sc.attrs.end() ? std::string() : it->second;
}

std::string Link(std::string_view url, std::string_view label) {
  return "<p><a href=\"" + text::EscapeHtml(url) + "\">" + text::EscapeHtml(label) + "</a></p>";
}

class Expander {
 public:
  explicit Expander(Conversion& conversion) : conversion_(conversion) {}

  std::string Expand(std::string_view s, int depth = 0) {
    std::string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
      const std::size_t next = s.find_first_of("[<", pos);
      if (next == std::string_view::npos) break;
      out.append(s.substr(pos, next - pos));
      if (s[next] == '<') {
        pos = SkipMarkup(s, next, out);
        continue;
      }
      std::optional<Shortcode> sc = Read(s, next);
      if (!sc) {
        out += '[';
        pos = next + 1;
        continue;
      }
      if (sc->escaped) out.append(s.substr(next + 1, sc->end - next - 2));
      else out += Render(*sc, s.substr(next, sc->end - next), depth);
      pos = sc->end;
    }
    if (pos < s.size()) out.append(s.substr(pos));
    return out;
  }

 private:
  // Copies a tag whole (a '[' in an attribute is not a shortcode) and the insides of <pre> and
  // <code> too, whose every character is the author's.
  std::size_t SkipMarkup(std::string_view s, std::size_t at, std::string& out) {
    const char next = at + 1 < s.size() ? s[at + 1] : '\0';
    if (std::isalpha(static_cast<unsigned char>(next)) == 0 && next != '/' && next != '!') {
      out += '<';  // "a < b" is text
      return at + 1;
    }
    std::size_t end = s.find('>', at);
    end = end == std::string_view::npos ? s.size() : end + 1;
    const std::string head = text::AsciiLower(s.substr(at, std::min<std::size_t>(6, end - at)));
    for (const char* raw : {"pre", "code"}) {
      const std::string open = std::string("<") + raw;
      if (!head.starts_with(open) || (head.size() > open.size() && IsNameChar(head[open.size()]))) continue;
      end = FindClosing(s, end, std::string("</") + raw);
    }
    out.append(s.substr(at, end - at));
    return end;
  }

  std::string Render(const Shortcode& sc, std::string_view as_written, int depth) {
    const std::string name = text::AsciiLower(sc.name);
    if (name == "caption" || name == "wp_caption") return Caption(sc, depth);
    if (name == "embed" && !text::Trim(sc.content).empty()) {
      const std::string url(text::Trim(sc.content));
      return Link(url, url);
    }
    if (name == "audio" || name == "video") {
      if (std::string src = MediaSource(sc); !src.empty()) return Link(src, src);
    }
    if (name == "gallery") {
      if (std::optional<std::string> html = Gallery(sc)) return *html;
    }
    ++conversion_.out.unrendered_shortcodes[name];
    // Kept as it was written; the inside of an enclosing one may hold shortcodes Gazette shows.
    if (sc.content.empty() || depth > 8) return std::string(as_written);
    const std::size_t open_end = as_written.size() - sc.content.size() - sc.name.size() - 3;
    return std::string(as_written.substr(0, open_end)) + Expand(sc.content, depth + 1) + "[/" + sc.name + "]";
  }

  std::string Caption(const Shortcode& sc, int depth) {
    std::string html = "<figure class=\"wp-caption\">" + Expand(sc.content, depth + 1);
    if (std::string caption = Attr(sc, "caption"); !caption.empty()) html += "<figcaption>" + caption + "</figcaption>";
    return html + "</figure>";
  }

  static std::string MediaSource(const Shortcode& sc) {
    for (const char* key : {"src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv", "flv"}) {
      if (std::string v = Attr(sc, key); !v.empty()) return v;
    }
    return std::string(text::Trim(sc.content));
  }

  // [gallery ids="3,4"] through the attachment lookup; nullopt (kept as text) without one.
  std::optional<std::string> Gallery(const Shortcode& sc) {
    const std::string ids = Attr(sc, "ids").empty() ? Attr(sc, "include") : Attr(sc, "ids");
    if (ids.empty() || !conversion_.options.find_attachment) return std::nullopt;
    std::string html = "<div class=\"gallery\">";
    for (const std::string& id : text::SplitTrimmed(ids, ',')) {
      long long n = id.size() <= 12 ? 0 : -1;
      for (char c : id) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) n = -1;
        if (n < 0) break;
        n = n * 10 + (c - '0');
      }
      std::optional<Attachment> a = n > 0 ? conversion_.options.find_attachment(n) : std::nullopt;
      if (!a || a->url.empty()) return std::nullopt;
      html += "<figure><img src=\"" + text::EscapeHtml(a->url) + "\" alt=\"" + text::EscapeHtml(a->alt) + "\">";
      if (!a->caption.empty()) html += "<figcaption>" + text::EscapeHtml(a->caption) + "</figcaption>";
      html += "</figure>";
    }
    return html + "</div>";
  }

  Conversion& conversion_;
};

}  // namespace

std::string ExpandShortcodes(std::string_view html, Conversion& conversion) { return Expander(conversion).Expand(html); }

}  // namespace gazette::imports::wordpress
