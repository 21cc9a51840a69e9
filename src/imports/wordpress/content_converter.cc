// Placeholder until the block and classic converters land: the content kept as one HTML block.
#include "imports/wordpress/content_converter.h"

namespace gazette::imports::wordpress {

ConvertedContent ConvertContent(std::string_view post_content, const ConvertOptions&) {
  ConvertedContent out;
  out.markdown = std::string(post_content);
  return out;
}

}  // namespace gazette::imports::wordpress
