// How a comment's plain text becomes HTML: escaped, in paragraphs, with line breaks kept.
#pragma once

#include <string>
#include <string_view>

#include "common/safe_html.h"

namespace gazette::themes {

// Blank lines separate paragraphs; single newlines become <br>; http(s):// and www. addresses
// become links with rel="ugc nofollow noopener". Everything else is HTML-escaped, so no markup
// from a visitor reaches the page.
SafeHtml CommentBodyHtml(std::string_view body);

}  // namespace gazette::themes
