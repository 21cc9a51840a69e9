// HTML to Markdown, inline part: text, emphasis, code, links, images, media links.
#include <libxml/tree.h>

#include "common/text.h"
#include "imports/wordpress/html_walker.h"
#include "imports/wordpress/markdown_text.h"

namespace gazette::imports::wordpress {
namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Splits "  text " into its leading space, its core and its trailing space.
struct Padded {
  std::string lead, core, trail;
};
Padded SplitPadding(const std::string& s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return {s.substr(0, b).empty() ? "" : " ", s.substr(b, e - b), e < s.size() ? " " : ""};
}

}  // namespace

std::string HtmlWalker::Inline(xmlNode* first) {
  std::string out;
  for (xmlNode* node = first; node; node = node->next) out += InlineNode(node);
  return out;
}

std::string HtmlWalker::InlineNode(xmlNode* node) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    return Text(node->content ? reinterpret_cast<const char*>(node->content) : "");
  }
  if (node->type != XML_ELEMENT_NODE) return "";
  const std::string_view name = Name(node);
  if (name == "strong" || name == "b") return Wrap(node, "**", "**");
  if (name == "em" || name == "i" || name == "cite" || name == "dfn" || name == "var") return Wrap(node, "*", "*");
  if (name == "del" || name == "s" || name == "strike") return Wrap(node, "~~", "~~");
  // No Markdown for these: written as bare tags, which carry no attribute to abuse.
  if (name == "sup" || name == "sub" || name == "mark" || name == "kbd") {
    const std::string tag(name);
    return Wrap(node, "<" + tag + ">", "</" + tag + ">");
  }
  if (name == "q") return Wrap(node, "\u201c", "\u201d");
  if (name == "code" || name == "tt" || name == "samp") {
    std::string span = CodeSpan(text::CollapseWhitespace(TextContent(node)));
    if (!in_cell_) return span;
    std::string escaped;  // a pipe would end the table cell, even inside a code span
    for (char c : span) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
    return escaped;
  }
  if (name == "a") return Link(node);
  if (name == "img") return Image(node);
  if (name == "br") return in_cell_ ? " " : "\\\n";
  if (name == "audio" || name == "video" || name == "iframe" || name == "object" || name == "embed") return Media(node);
  if (name == "script" || name == "style" || name == "template" || name == "input" || name == "wbr") return "";
  if (IsBlockElement(node)) return " " + Flat(node) + " ";
  return Inline(node->children);  // span, small, abbr, font, u, ins, label, time, ...
}

std::string HtmlWalker::Text(std::string_view raw) {
  if (in_verse_) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if (c == '\n') {
        out += "\\\n";
        line_start = true;
        continue;
      }
      if (line_start && c == ' ') {
        out += "\u00a0";  // a verse's indentation is part of it
        continue;
      }
      line_start = false;
      const std::size_t end = std::min(raw.find_first_of("\n", i), raw.size());
      out += EscapeText(raw.substr(i, end - i));
      i = end - 1;
    }
    return out;
  }
  std::string collapsed;
  for (char c : raw) {
    if (!IsHtmlSpace(c)) collapsed += c;
    else if (collapsed.empty() || collapsed.back() != ' ') collapsed += ' ';
  }
  return EscapeText(collapsed);
}

std::string HtmlWalker::Wrap(xmlNode* node, std::string_view open, std::string_view close) {
  // Emphasis markers must touch the text: "** bold **" is not bold.
  Padded p = SplitPadding(Inline(node->children));
  if (p.core.empty()) return p.lead + p.trail;
  return p.lead + std::string(open) + p.core + std::string(close) + p.trail;
}

std::string HtmlWalker::Link(xmlNode* a) {
  const std::string href = Attr(a, "href");
  const std::string dest = LinkDestination(href);
  Padded p = SplitPadding(Inline(a->children));
  // A file block's button stands beside the file's name.
  if (HasClass(a, "wp-block-file__button")) p.lead = " ";
  if (text::Trim(href).empty() || dest.empty()) return p.lead + p.core + p.trail;  // an anchor, or unsafe
  if (p.core.empty()) p.core = EscapeText(href);
  const std::string title = Attr(a, "title");
  const std::string title_part = title.empty() ? "" : " \"" + LinkTitle(title) + "\"";
  return p.lead + "[" + p.core + "](" + dest + title_part + ")" + p.trail;
}

std::string HtmlWalker::Image(xmlNode* img) {
  const std::string src(text::Trim(Attr(img, "src")));
  const std::string alt = EscapeText(text::CollapseWhitespace(Attr(img, "alt")));
  if (src.empty()) return alt;
  conversion_.out.image_urls.push_back(src);
  const std::string url = conversion_.options.rewrite_image ? conversion_.options.rewrite_image(src) : src;
  const std::string dest = LinkDestination(url);
  if (dest.empty()) return alt;
  const std::string title = Attr(img, "title");
  return "![" + alt + "](" + dest + (title.empty() ? "" : " \"" + LinkTitle(title) + "\"") + ")";
}

std::string HtmlWalker::Media(xmlNode* node) {
  std::string src = Attr(node, Name(node) == "object" ? "data" : "src");
  for (xmlNode* c = node->children; c && src.empty(); c = c->next) {
    if (Name(c) == "source") src = Attr(c, "src");
  }
  const std::string dest = LinkDestination(src);
  if (text::Trim(src).empty() || dest.empty()) return Inline(node->children);
  const std::string_view name = Name(node);
  const char* label = name == "audio" ? "Audio" : name == "video" ? "Video" : "Embedded content";
  return std::string(" [") + label + ": " + EscapeText(text::Trim(src)) + "](" + dest + ") ";
}

std::string HtmlWalker::Flat(xmlNode* node) {
  const bool was_in_cell = in_cell_;
  in_cell_ = true;
  std::string out;
  for (xmlNode* c = node->children; c; c = c->next) {
    out += IsBlockElement(c) ? " " + Flat(c) + " " : InlineNode(c);
  }
  in_cell_ = was_in_cell;
  std::string collapsed;  // block boundaries may have doubled the spaces
  for (char c : out) {
    if (c != ' ' || collapsed.empty() || collapsed.back() != ' ') collapsed += c;
  }
  return collapsed;
}

}  // namespace gazette::imports::wordpress
