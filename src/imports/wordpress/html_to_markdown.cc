// HTML to Markdown, block-level part: paragraphs, headings, lists, quotes, figures, code.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "common/text.h"
#include "imports/wordpress/html_walker.h"
#include "imports/wordpress/markdown_text.h"

namespace gazette::imports::wordpress {

std::string_view Name(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE && node->name ? reinterpret_cast<const char*>(node->name) : "";
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

bool HasClass(const xmlNode* node, std::string_view cls) {
  for (const std::string& c : text::SplitTrimmed(text::CollapseWhitespace(Attr(node, "class")), ' ')) {
    if (c == cls) return true;
  }
  return false;
}

bool IsBlockElement(const xmlNode* node) {
  static const std::set<std::string, std::less<>> kBlocks = {
      "address", "article", "aside", "audio", "blockquote", "center", "dd", "details", "div", "dl",
      "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "header", "hgroup", "hr", "iframe", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
      "section", "summary", "table", "ul", "video", "object", "embed", "noscript"};
  return kBlocks.contains(Name(node));
}

std::string TextContent(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

bool HasElementChild(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (Name(c) == name || HasElementChild(c, name)) return true;
  }
  return false;
}

namespace {

// Comments that mean something to WordPress: the teaser break and the page break.
std::string_view MarkerComment(const xmlNode* node) {
  if (node->type != XML_COMMENT_NODE || !node->content) return "";
  const std::string_view body = text::Trim(reinterpret_cast<const char*>(node->content));
  if (body == "more" || body.starts_with("more ")) return "<!--more-->";
  if (body == "nextpage") return "<!--nextpage-->";
  return "";
}

bool IsDropped(std::string_view name) {
  return name == "script" || name == "style" || name == "template" || name == "head" || name == "title";
}

}  // namespace

std::string HtmlWalker::Blocks(xmlNode* first) {
  std::vector<std::string> blocks;
  std::string pending;  // inline content waiting for its paragraph to end
  for (xmlNode* node = first; node; node = node->next) {
    const std::string_view marker = MarkerComment(node);
    if (!IsBlockElement(node) && marker.empty() && Name(node) != "br") {
      pending += InlineNode(node);
      continue;
    }
    if (Name(node) == "br" && !text::Trim(pending).empty()) {
      pending += InlineNode(node);
      continue;
    }
    Paragraph(std::move(pending), blocks);
    pending.clear();
    if (!marker.empty()) blocks.emplace_back(marker);
    else if (Name(node) != "br") Block(node, blocks);
  }
  Paragraph(std::move(pending), blocks);
  std::string out;
  for (const std::string& b : blocks) {
    if (b.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += b;
  }
  return out;
}

void HtmlWalker::Paragraph(std::string markdown, std::vector<std::string>& out) {
  // Trailing hard breaks mean nothing at a paragraph's end, and outer spaces would indent it.
  std::string_view p = markdown;
  while (!p.empty()) {
    if (p.back() == ' ' || p.back() == '\t' || p.back() == '\n') p.remove_suffix(1);
    else if (p.ends_with("\\\n")) p.remove_suffix(2);
    else break;
  }
  while (p.starts_with("\\\n")) p.remove_prefix(2);
  p = text::Trim(p);
  // A hard break's neighbouring spaces are the HTML's line layout, not the author's.
  std::string tidy;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.compare(i, 2, "\\\n") != 0) {
      tidy += p[i];
      continue;
    }
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    tidy += "\\\n";
    for (i += 2; i < p.size() && p[i] == ' ';) ++i;
    --i;
  }
  p = tidy;
  if (p.empty()) return;
  // A bare URL alone on its line is an embed on WordPress (oEmbed): show it as a link.
  const std::string raw = text::CollapseWhitespace(p);
  std::string plain;
  for (char c : raw) if (c != '\\') plain += c;
  if ((plain.starts_with("https://") || plain.starts_with("http://")) && plain.find(' ') == std::string::npos &&
      plain.find('[') == std::string::npos && !LinkDestination(plain).empty()) {
    out.push_back("[" + std::string(p) + "](" + LinkDestination(plain) + ")");
    return;
  }
  out.emplace_back(p);
}

void HtmlWalker::Block(xmlNode* node, std::vector<std::string>& out) {
  const std::string_view name = Name(node);
  if (IsDropped(name)) return;
  if (name == "p" || name == "dd" || name == "address" || name == "legend") {
    bool has_blocks = false;
    // wpautop wraps a classic post's <!--more--> in a paragraph of its own: it is still the break.
    for (xmlNode* c = node->children; c; c = c->next) {
      has_blocks = has_blocks || IsBlockElement(c) || !MarkerComment(c).empty();
    }
    if (has_blocks) out.push_back(Blocks(node->children));
    else Paragraph(Inline(node->children), out);
  } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    out.push_back(Heading(node, name[1] - '0'));
  } else if (name == "ul" || name == "ol" || name == "menu") {
    out.push_back(HasClass(node, "blocks-gallery-grid") ? Blocks(node->children) : List(node));
  } else if (name == "blockquote") {
    out.push_back(Quote(node));
  } else if (name == "figure") {
    out.push_back(Figure(node));
  } else if (name == "pre") {
    out.push_back(Preformatted(node));
  } else if (name == "hr") {
    out.emplace_back("---");
  } else if (name == "table") {
    out.push_back(Table(node));
  } else if (name == "dt" || name == "summary") {
    const std::string term(text::Trim(Inline(node->children)));
    if (!term.empty()) out.push_back("**" + term + "**");
  } else if (name == "audio" || name == "video" || name == "iframe" || name == "object" || name == "embed") {
    Paragraph(Media(node), out);
  } else if (name == "figcaption") {
    const std::string caption(text::Trim(Inline(node->children)));
    if (!caption.empty()) out.push_back("*" + caption + "*");
  } else {
    out.push_back(Blocks(node->children));  // div, section, group, columns, cover: their content
  }
}

std::string HtmlWalker::Heading(xmlNode* heading, int level) {
  std::string inline_md(text::Trim(text::CollapseWhitespace(Flat(heading))));
  if (inline_md.empty()) return "";
  // A closing run of '#' would be read as the heading's optional closing sequence.
  if (inline_md.back() == '#') inline_md.insert(inline_md.size() - 1, "\\");
  return std::string(level, '#') + " " + inline_md;
}

std::string HtmlWalker::List(xmlNode* list) {
  const bool ordered = Name(list) == "ol";
  long long number = 1;
  if (ordered) {
    const std::string start = Attr(list, "start");
    if (!start.empty() && start.size() < 10 && start.find_first_not_of("0123456789") == std::string::npos) {
      number = std::stoll(start);
    }
  }
  std::string out;
  for (xmlNode* item = list->children; item; item = item->next) {
    // Stray content between items (invalid HTML) is kept in an item of its own.
    if (Name(item) != "li" && !IsBlockElement(item) && text::Trim(InlineNode(item)).empty()) continue;
    const std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
    std::string body = Name(item) == "li" ? Blocks(item->children) : InlineNode(item);
    // A tight list: the item's paragraph and its nested list on consecutive lines.
    std::string tight;
    for (std::size_t i = 0; i < body.size(); ++i) {
      // Only lists that may interrupt a paragraph: bullets, and numbers starting at 1.
      if (body.compare(i, 2, "\n\n") == 0 && (body.compare(i + 2, 2, "- ") == 0 || body.compare(i + 2, 3, "1. ") == 0)) {
        tight += '\n';
        ++i;
      } else {
        tight += body[i];
      }
    }
    if (!out.empty()) out += '\n';
    out += PrefixLines(tight.empty() ? std::string() : tight, marker, std::string(marker.size(), ' '));
  }
  return out;
}

std::string HtmlWalker::Quote(xmlNode* quote) {
  std::string cite;
  std::vector<xmlNode*> cites;
  for (xmlNode* c = quote->children; c; c = c->next) {
    if (Name(c) == "cite" || Name(c) == "footer") cites.push_back(c);
  }
  for (xmlNode* c : cites) {
    cite += std::string(text::Trim(Flat(c)));
    xmlUnlinkNode(c);
    xmlFreeNode(c);
  }
  std::string body = Blocks(quote->children);
  if (!cite.empty()) body += (body.empty() ? "" : "\n\n") + std::string("— ") + cite;
  return body.empty() ? "" : PrefixLines(body, "> ", "> ");
}

std::string HtmlWalker::Figure(xmlNode* figure) {
  // An embed's URL is the text of its wrapper: shown as a link to it.
  std::vector<std::string> out;
  std::string caption;
  std::string loose;  // [caption] puts the caption as text after the image
  for (xmlNode* c = figure->children; c; c = c->next) {
    if (Name(c) == "figcaption") {
      caption = std::string(text::Trim(Inline(c->children)));
    } else if (Name(c) == "div" && HasClass(c, "wp-block-embed__wrapper")) {
      const std::string url(text::Trim(TextContent(c)));
      if (!LinkDestination(url).empty()) out.push_back("[" + EscapeText(url) + "](" + LinkDestination(url) + ")");
    } else if (Name(c) == "img" || Name(c) == "a" || (IsBlockElement(c) && !HasClass(figure, "wp-caption"))) {
      Paragraph(std::move(loose), out);
      loose.clear();
      if (IsBlockElement(c)) Block(c, out);
      else Paragraph(InlineNode(c), out);
    } else {
      loose += IsBlockElement(c) ? " " + Flat(c) + " " : InlineNode(c);
    }
  }
  if (caption.empty() && HasClass(figure, "wp-caption")) caption = text::Trim(loose);
  else Paragraph(std::move(loose), out);
  if (!caption.empty()) out.push_back("*" + caption + "*");
  std::string md;
  for (const std::string& b : out) {
    if (b.empty()) continue;
    md += (md.empty() ? "" : "\n\n") + b;
  }
  return md;
}

std::string HtmlWalker::Preformatted(xmlNode* pre) {
  if (HasClass(pre, "wp-block-verse")) {
    in_verse_ = true;
    std::string verse = Inline(pre->children);
    in_verse_ = false;
    std::vector<std::string> blocks;
    Paragraph(std::move(verse), blocks);  // drops the breaks at either end
    return blocks.empty() ? "" : blocks.front();
  }
  std::string code = TextContent(pre);
  if (code.starts_with("\n")) code.erase(0, 1);  // as a browser drops it
  std::string language;
  for (xmlNode* c = pre->children; c; c = c->next) {
    for (const std::string& cls : text::SplitTrimmed(Attr(c, "class"), ' ')) {
      if (Name(c) == "code" && cls.starts_with("language-")) language = cls.substr(9);
    }
  }
  return FencedCode(code, language);
}

std::string HtmlToMarkdown(std::string_view html, Conversion& conversion) {
  // Wrapped in one element, so that libxml2 (without implied <html><body>) keeps every sibling.
  const std::string doc_html = "<div>" + std::string(html) + "</div>";
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(doc_html.data(), static_cast<int>(doc_html.size()), nullptr, "UTF-8", options), xmlFreeDoc);
  if (!doc) return EscapeText(html);
  // From the document's children, not the wrapper's: a stray </div> in the content closes the
  // wrapper early, and what follows it must not be lost.
  std::string markdown = HtmlWalker(conversion).Blocks(doc->children);
  return markdown.empty() ? markdown : markdown + "\n";
}

}  // namespace gazette::imports::wordpress
