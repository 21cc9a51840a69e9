// Authors: who wrote an article, as bylines, author pages and structured data name them.
#pragma once

#include <string>
#include <vector>

#include "content/article.h"

namespace gazette::content {

struct AuthorRef {
  std::string name;  // as the byline prints it
  std::string slug;  // the author page is /author/SLUG/
};

// The article's authors, in byline order; empty when it has no byline. Today an article has one
// `author` string, slugged as tags are; this is the one place that changes when articles carry a
// list of authors.
std::vector<AuthorRef> ArticleAuthors(const Article& article);

// "/author/SLUG/", percent-encoded.
std::string AuthorPath(const AuthorRef& author);

}  // namespace gazette::content
