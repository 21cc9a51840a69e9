// The steps of ConvertContent and what they share: the caller's options and the report that
// each step adds to. Internal to the WordPress importer.
#pragma once

#include <string>
#include <string_view>

#include "imports/wordpress/content_converter.h"

namespace gazette::imports::wordpress {

struct Conversion {
  const ConvertOptions& options;
  ConvertedContent& out;
};

// True when the content holds block markup (<!-- wp:... -->), i.e. was written in the block editor.
bool HasBlocks(std::string_view content);

// Block markup to HTML: block comments removed, blocks that show nothing dropped and counted,
// the few whose meaning lives in their comment (more, nextpage, embed) made into HTML.
std::string RenderBlocks(std::string_view content, Conversion& conversion);

// WordPress's wpautop for classic content: a blank line ends a paragraph, a single line break
// becomes <br>, block-level tags and <pre> are left as they are.
std::string AutoParagraphs(std::string_view html);

// Expands the shortcodes Gazette can show ([caption], [gallery], [embed], [audio], [video]) into
// HTML, keeps every other one as visible text and counts it; [[x]] becomes the text [x].
std::string ExpandShortcodes(std::string_view html, Conversion& conversion);

// HTML to Gazette Markdown, through libxml2's HTML parser. Text is escaped so that it never
// becomes formatting or a link; images are recorded and rewritten through the options.
std::string HtmlToMarkdown(std::string_view html, Conversion& conversion);

}  // namespace gazette::imports::wordpress
