// Hugo shortcodes ({{< name args >}} and {{% name args %}}) turned into Markdown.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gazette::imports::markdown {

struct ConvertedBody {
  std::string markdown;
  // Shortcodes with no Markdown form, kept in the text as they were written: name → how many.
  std::map<std::string, int> kept;
};

// figure (src, caption, alt, title) becomes an image with its caption in italics below it, and
// youtube (an id, positional or id=) a link to the video; Markdown cannot hold a <figure> or an
// <iframe>, as raw HTML is filtered. Every other shortcode, and a figure without src or a youtube
// without a well-formed id, is kept visibly as text and counted.
ConvertedBody ConvertShortcodes(std::string_view body);

}  // namespace gazette::imports::markdown
