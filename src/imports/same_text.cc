#include "imports/same_text.h"

#include "common/text.h"
#include "content/markdown.h"

namespace gazette::imports {

bool SameText(const content::Article& a, const content::ArticleDraft& d) {
  if (a.title != d.title || a.markdown != d.markdown) return false;
  const auto tags = content::ArticleService::TagsFromNames(d.tags);
  if (tags.size() != a.tags.size()) return false;
  for (std::size_t i = 0; i < tags.size(); ++i)
    if (tags[i].slug != a.tags[i].slug) return false;
  auto authors = content::ArticleService::AuthorsFromNames(d.authors);
  if (!authors || authors->size() != a.authors.size()) return false;
  for (std::size_t i = 0; i < a.authors.size(); ++i)
    if ((*authors)[i].name != a.authors[i].name) return false;
  const std::string excerpt = text::Excerpt(d.excerpt.empty() ? content::MarkdownToPlainText(d.markdown) : d.excerpt,
                                            content::ArticleService::kExcerptChars);
  return a.excerpt == excerpt;
}

}  // namespace gazette::imports
