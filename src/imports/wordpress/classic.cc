// wpautop for classic (pre-block-editor) content. WordPress stores such posts without <p>: a
// blank line ends a paragraph and a single line break is a <br>. Written as a scanner over tags
// and text, the way the HTML walker sees them, rather than WordPress's chain of regexes.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include "common/text.h"
#include "imports/wordpress/conversion.h"

namespace gazette::imports::wordpress {
namespace {

const std::set<std::string, std::less<>>& BlockTags() {
  // WordPress's $allblocks, with the HTML5 sectioning tags it added over the years.
  static const std::set<std::string, std::less<>> kTags = {
      "address", "area",   "article", "aside",  "blockquote", "caption", "col",    "colgroup", "dd",
      "details", "div",    "dl",      "dt",     "fieldset",   "figcaption", "figure", "footer", "form",
      "h1",      "h2",     "h3",      "h4",     "h5",         "h6",      "header", "hgroup",   "hr",
      "li",      "main",   "map",     "math",   "menu",       "nav",     "ol",     "option",   "p",
      "pre",     "script", "section", "select", "style",      "summary", "table",  "tbody",    "td",
      "tfoot",   "th",     "thead",   "tr",     "ul",         "legend",  "audio",  "video",    "iframe"};
  return kTags;
}

// Containers whose loose text WordPress wraps in <p>; text in the others (a <li>, a <td>, a
// heading) keeps only its line breaks.
bool WrapsParagraphs(std::string_view tag) {
  static const std::set<std::string, std::less<>> kTags = {
      "", "div", "blockquote", "section", "article", "aside", "header", "footer", "main", "details",
      "form", "fieldset", "figure", "nav"};
  return kTags.contains(tag);
}

bool IsRaw(std::string_view tag) { return tag == "pre" || tag == "script" || tag == "style" || tag == "textarea"; }

bool IsVoid(std::string_view tag) { return tag == "hr" || tag == "col" || tag == "area"; }

struct Tag {
  std::string name;  // lowercase, "" for a comment or a declaration
  bool closing = false;
  std::size_t end = 0;
};

// Reads the tag starting at s[at] == '<', quotes respected; nullopt if it is not a tag ("a < b").
std::optional<Tag> ReadTag(std::string_view s, std::size_t at) {
  Tag tag;
  if (s.substr(at).starts_with("<!--")) {
    const std::size_t close = s.find("-->", at + 4);
    tag.end = close == std::string_view::npos ? s.size() : close + 3;
    return tag;
  }
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) != 0)) ++i;
  if (i == name_start && !(i < s.size() && s[i] == '!')) return std::nullopt;
  tag.name = text::AsciiLower(s.substr(name_start, i - name_start));
  char quote = 0;
  for (; i < s.size(); ++i) {
    if (quote != 0) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (s[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
  }
  return std::nullopt;
}

class AutoP {
 public:
  std::string Run(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
      const std::size_t lt = s.find('<', pos);
      std::optional<Tag> tag = lt == std::string_view::npos ? std::nullopt : ReadTag(s, lt);
      if (!tag) {
        const std::size_t stop = lt == std::string_view::npos ? s.size() : lt + 1;
        Text(s.substr(pos, stop - pos));
        pos = stop;
        continue;
      }
      Text(s.substr(pos, lt - pos));
      Markup(*tag, s.substr(lt, tag->end - lt));
      pos = tag->end;
    }
    Flush();
    return out_;
  }

 private:
  void Text(std::string_view t) {
    if (raw_depth_ > 0) out_ += t;
    else run_ += t;
  }

  void Markup(const Tag& tag, std::string_view markup) {
    if (!BlockTags().contains(tag.name)) {
      // An inline tag's own line breaks (between attributes) are not the author's <br>.
      std::string flat(markup);
      if (raw_depth_ == 0) std::replace(flat.begin(), flat.end(), '\n', ' ');
      return Text(flat);
    }
    if (raw_depth_ > 0) {
      out_ += markup;
      if (IsRaw(tag.name)) raw_depth_ += tag.closing ? -1 : 1;
      if (raw_depth_ == 0) stack_.pop_back();
      return;
    }
    Flush();
    out_ += markup;
    if (tag.closing) {
      for (std::size_t i = stack_.size(); i-- > 0;) {
        if (stack_[i] != tag.name) continue;
        stack_.resize(i);
        break;
      }
    } else if (!IsVoid(tag.name) && !markup.ends_with("/>")) {
      stack_.push_back(tag.name);
      if (IsRaw(tag.name)) raw_depth_ = 1;
    }
  }

  // Emits the text and inline markup gathered since the last block tag.
  void Flush() {
    std::string_view run = run_;
    const bool wrap = WrapsParagraphs(stack_.empty() ? "" : stack_.back());
    std::size_t start = 0;
    while (start <= run.size()) {
      std::size_t blank = FindBlankLine(run, start);
      std::string_view chunk = text::Trim(run.substr(start, blank - start));
      if (!chunk.empty()) {
        if (wrap) out_ += "<p>";
        for (char c : chunk) out_ += c == '\n' ? std::string("<br />\n") : std::string(1, c);
        out_ += wrap ? "</p>\n" : "";
      }
      if (blank >= run.size()) break;
      start = blank + 1;
    }
    run_.clear();
  }

  // The offset of the next "\n<spaces>\n" at or after `from`, or run.size().
  static std::size_t FindBlankLine(std::string_view run, std::size_t from) {
    for (std::size_t i = from; i < run.size(); ++i) {
      if (run[i] != '\n') continue;
      std::size_t j = i + 1;
      while (j < run.size() && (run[j] == ' ' || run[j] == '\t' || run[j] == '\r')) ++j;
      if (j < run.size() && run[j] == '\n') return j;
    }
    return run.size();
  }

  std::string out_;
  std::string run_;
  std::vector<std::string> stack_;
  int raw_depth_ = 0;
};

}  // namespace

std::string AutoParagraphs(std::string_view html) { return AutoP().Run(html); }

}  // namespace gazette::imports::wordpress
