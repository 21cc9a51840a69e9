// Highlighted text: plain text with the words that matched a search marked, kept apart from HTML
// so that escaping happens in one place (HighlightToHtml).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/safe_html.h"

namespace gazette::search {

struct Fragment {
  std::string text;    // plain text, not escaped
  bool match = false;  // a word (or words) the query matched

  bool operator==(const Fragment&) const = default;
};
using HighlightedText = std::vector<Fragment>;

// The text with each fragment HTML-escaped and matches wrapped in <mark>...</mark>. Always
// well-formed: no other markup can come out of it, whatever the text holds.
SafeHtml HighlightToHtml(const HighlightedText& text);

// The text without marks.
std::string PlainText(const HighlightedText& text);

// Splits text in which matches are delimited by `open` and `close` markers (as a search engine
// returns them) into fragments. Stray or unbalanced markers are dropped; the markers never
// appear in the result.
HighlightedText ParseMarked(std::string_view marked, std::string_view open, std::string_view close);

}  // namespace gazette::search
