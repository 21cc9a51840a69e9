// Highlighted text to HTML: the article's words are escaped, and the only markup is ours.
#include "search/highlight.h"

#include "common/text.h"

namespace gazette::search {

SafeHtml HighlightToHtml(const HighlightedText& text) {
  std::string out;
  for (const auto& f : text) {
    if (f.text.empty()) continue;
    if (f.match) out += "<mark>";
    out += text::EscapeHtml(f.text);
    if (f.match) out += "</mark>";
  }
  return SafeHtml::Trusted(std::move(out));
}

std::string PlainText(const HighlightedText& text) {
  std::string out;
  for (const auto& f : text) out += f.text;
  return out;
}

HighlightedText ParseMarked(std::string_view marked, std::string_view open, std::string_view close) {
  HighlightedText out;
  bool in_match = false;
  std::string current;
  auto flush = [&](bool next_state) {
    if (!current.empty()) {
      if (!out.empty() && out.back().match == in_match)
        out.back().text += current;
      else
        out.push_back(Fragment{current, in_match});
    }
    current.clear();
    in_match = next_state;
  };
  std::size_t i = 0;
  while (i < marked.size()) {
    if (marked.substr(i).starts_with(open)) {
      flush(true);
      i += open.size();
    } else if (marked.substr(i).starts_with(close)) {
      flush(false);
      i += close.size();
    } else {
      current += marked[i++];
    }
  }
  flush(false);
  return out;
}

}  // namespace gazette::search
