// The words that make two articles related: lowercased, stop words removed, stemmed (Snowball
// English, so "rates", "rated" and "rating" are one term).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::related {

// The terms of `text` in order: words of at least two letters that are not English stop words
// nor numbers, lowercased (ASCII and Latin-1 letters) and stemmed. Thread-safe.
std::vector<std::string> Terms(std::string_view text);

// True for the English stop words ("the", "and", "said", ...), given lowercased.
bool IsStopWord(std::string_view word);

// The Snowball English stem of a lowercased word. Thread-safe.
std::string Stem(std::string_view word);

}  // namespace gazette::related
