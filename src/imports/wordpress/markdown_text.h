// Pieces of Markdown syntax built from arbitrary text: escaped text, code spans, fences, link
// destinations. Internal to the WordPress importer's HTML walker.
#pragma once

#include <string>
#include <string_view>

namespace gazette::imports::wordpress {

// Text shown literally: Markdown's punctuation escaped, entities kept as text, and bare URLs and
// e-mail addresses kept from becoming links (the autolink extension would make them ones).
std::string EscapeText(std::string_view text);

// `text` as a code span, with enough backticks around it.
std::string CodeSpan(std::string_view text);

// `text` as a fenced code block keeping every character, with the info string `language`.
std::string FencedCode(std::string_view text, std::string_view language);

// A link destination safe inside (...): spaces, parentheses and angle brackets percent-encoded.
// Returns "" for schemes a reader must never follow (javascript:, vbscript:, data:).
std::string LinkDestination(std::string_view url);

// A link title inside "...".
std::string LinkTitle(std::string_view title);

// Prefixes every line of `block` with `first` (the first line) or `rest` (the others); empty
// lines get `rest` without its trailing spaces.
std::string PrefixLines(std::string_view block, std::string_view first, std::string_view rest);

}  // namespace gazette::imports::wordpress
