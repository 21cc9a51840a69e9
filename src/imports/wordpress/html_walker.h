// HtmlWalker: a libxml2 HTML tree turned into Markdown, block by block. Its parts are written in
// html_to_markdown.cc (blocks), html_inline.cc (text and inline formatting) and html_tables.cc.
#pragma once

#include <libxml/HTMLparser.h>

#include <string>
#include <string_view>
#include <vector>

#include "imports/wordpress/conversion.h"

namespace gazette::imports::wordpress {

class HtmlWalker {
 public:
  explicit HtmlWalker(Conversion& conversion) : conversion_(conversion) {}

  // The Markdown blocks of a run of sibling nodes, separated by blank lines.
  std::string Blocks(xmlNode* first);

 private:
  // Blocks.
  void Block(xmlNode* node, std::vector<std::string>& out);
  void Paragraph(std::string inline_markdown, std::vector<std::string>& out);
  std::string List(xmlNode* list);
  std::string Figure(xmlNode* figure);
  std::string Preformatted(xmlNode* pre);
  std::string Heading(xmlNode* heading, int level);
  std::string Quote(xmlNode* quote);

  // Inline content.
  std::string Inline(xmlNode* first);
  std::string InlineNode(xmlNode* node);
  std::string Text(std::string_view text);
  std::string Wrap(xmlNode* node, std::string_view open, std::string_view close);
  std::string Link(xmlNode* a);
  std::string Image(xmlNode* img);
  std::string Media(xmlNode* node);
  // Every descendant's inline Markdown on one line: block boundaries become spaces.
  std::string Flat(xmlNode* node);

  // Tables.
  std::string Table(xmlNode* table);

  Conversion& conversion_;
  bool in_verse_ = false;  // line breaks and leading spaces kept as they were typed
  bool in_cell_ = false;   // a table cell: one line, so <br> is a space
};

// libxml2's view of one element.
std::string_view Name(const xmlNode* node);
std::string Attr(const xmlNode* node, const char* name);
bool HasClass(const xmlNode* node, std::string_view cls);
bool IsBlockElement(const xmlNode* node);
std::string TextContent(const xmlNode* node);
bool HasElementChild(const xmlNode* node, std::string_view name);

}  // namespace gazette::imports::wordpress
