// Authors of an article, from its byline.
#include "content/authors.h"

#include "common/text.h"

namespace gazette::content {

std::vector<AuthorRef> ArticleAuthors(const Article& article) {
  const std::string name = text::CollapseWhitespace(article.author);
  const std::string slug = text::Slugify(name);
  if (slug.empty()) return {};
  return {AuthorRef{name, slug}};
}

std::string AuthorPath(const AuthorRef& author) { return text::EncodePath("/author/" + author.slug + "/"); }

}  // namespace gazette::content
