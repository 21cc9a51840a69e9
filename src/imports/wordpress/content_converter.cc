// ConvertContent as a pipeline in WordPress's own order: blocks (or wpautop for classic
// content), then shortcodes, then the HTML turned into Markdown.
#include "imports/wordpress/content_converter.h"

#include "common/text.h"
#include "imports/wordpress/conversion.h"

namespace gazette::imports::wordpress {

ConvertedContent ConvertContent(std::string_view post_content, const ConvertOptions& options) {
  ConvertedContent out;
  Conversion conversion{options, out};
  // Bounded so that one hostile item cannot take the importer's memory; the cut is made valid.
  const std::string content = text::SanitizeUtf8(post_content.substr(0, kMaxContentBytes));
  std::string html = HasBlocks(content) ? RenderBlocks(content, conversion) : AutoParagraphs(content);
  html = ExpandShortcodes(html, conversion);
  out.markdown = HtmlToMarkdown(html, conversion);
  return out;
}

}  // namespace gazette::imports::wordpress
