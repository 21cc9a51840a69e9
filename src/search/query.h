// A reader's search query, parsed into terms: words, "phrases in quotes" and prefixes (econ*).
// Parsing never fails: any bytes give a (possibly empty) query, so no input can reach the search
// engine as syntax.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

struct QueryTerm {
  std::string text;     // one word, or the words of a phrase separated by single spaces
  bool phrase = false;  // written in quotes: the words must appear together, in this order
  bool prefix = false;  // ends with '*': any word starting with the (last) word matches

  bool operator==(const QueryTerm&) const = default;
};

struct ParsedQuery {
  std::vector<QueryTerm> terms;
  std::string input;       // what the reader typed, cut and made valid UTF-8: for the search box
  std::string text;        // the query as understood, e.g. `tax "interest rates" econ*`
  bool shortened = false;  // the query was longer than kMaxQueryBytes or had more than kMaxTerms terms

  bool empty() const { return terms.empty(); }
};

inline constexpr std::size_t kMaxQueryBytes = 400;
inline constexpr std::size_t kMaxTerms = 12;
inline constexpr std::size_t kMinPrefixChars = 2;

// Splits `raw` into terms. Invalid UTF-8 becomes U+FFFD and control characters become spaces; a
// quote without its closing quote is ignored; a term with no letter or digit is dropped; '*' makes
// a prefix only at the end of a term whose last word has at least kMinPrefixChars characters.
ParsedQuery ParseQuery(std::string_view raw);

}  // namespace gazette::search
