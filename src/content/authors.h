// Authors: who wrote an article, as bylines, editors' fields, author pages and structured data
// name them. An article's authors are Article::authors, in byline order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/article.h"

namespace gazette::content {

// "A", "A and B", "A, B and C": the names of a byline, in order.
std::string Byline(const std::vector<Author>& authors);
// "A, B" -> {"A", "B"}: the names an editor typed in one field, comma-separated, whitespace
// collapsed, empty names and repeats (by slug) dropped.
std::vector<std::string> SplitAuthorNames(std::string_view field);
// "A, B": the names as an editor's field shows them, the inverse of SplitAuthorNames.
std::string AuthorNamesField(const std::vector<Author>& authors);

// "/author/SLUG/", percent-encoded: the author's page.
std::string AuthorPath(const Author& author);

}  // namespace gazette::content
