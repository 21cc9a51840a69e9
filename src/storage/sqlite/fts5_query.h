// Translation of parsed search terms into an FTS5 MATCH expression. Every term is quoted, so
// nothing a reader types can act as FTS5 syntax (operators, column filters, NEAR, parentheses).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "search/query.h"
#include "search/search_index.h"

namespace gazette::storage::sqlite {

// `"tax" "interest rates" "econ"*`: terms joined by AND (implicit) or OR.
// REQUIRES: `terms` not empty.
std::string ToFts5(const std::vector<search::QueryTerm>& terms, search::Match match);

// The same expression restricted to the headline column.
std::string InTitleOnly(const std::string& expression);

// The facet token of a tag (see migration 6): "t" + the slug's bytes in hex + "0".
std::string TagFacet(std::string_view tag_slug);
// The facet token of an author (migration 13): "a" + the slug's bytes in hex + "0".
std::string AuthorFacet(std::string_view author_slug);
// `kind` + the slug's bytes in hex + "0".
std::string Facet(char kind, std::string_view slug);

// The facet tokens that cover the days of [from, until) (UTC; partial days count whole), as
// few as possible: whole years as yYYYY, whole months as mYYYYMM, other days as dYYYYMMDD.
// REQUIRES: from < until.
std::vector<std::string> DateFacets(UnixTime from, UnixTime until);

// `expression` restricted to articles with the tag, within the dates and by the author, if given.
std::string WithFacets(const std::string& expression, const std::optional<std::string>& tag_slug,
                       const std::vector<std::string>& date_facets,
                       const std::optional<std::string>& author_slug = std::nullopt);

}  // namespace gazette::storage::sqlite
