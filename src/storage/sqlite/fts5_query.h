// Translation of parsed search terms into an FTS5 MATCH expression. Every term is quoted, so
// nothing a reader types can act as FTS5 syntax (operators, column filters, NEAR, parentheses).
#pragma once

#include <string>
#include <vector>

#include "search/query.h"
#include "search/search_index.h"

namespace gazette::storage::sqlite {

// `"tax" "interest rates" "econ"*`: terms joined by AND (implicit) or OR.
// REQUIRES: `terms` not empty.
std::string ToFts5(const std::vector<search::QueryTerm>& terms, search::Match match);

// The same expression restricted to the headline column.
std::string InTitleOnly(const std::string& expression);

}  // namespace gazette::storage::sqlite
