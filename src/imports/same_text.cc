#include "imports/same_text.h"

#include <algorithm>

#include "common/text.h"
#include "content/markdown.h"

namespace gazette::imports {
namespace {

std::vector<std::string> TagSlugs(const std::vector<std::string>& names) {
  std::vector<std::string> slugs;
  for (const auto& name : names) {
    std::string slug = text::Slugify(text::CollapseWhitespace(name));
    if (!slug.empty() && std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(std::move(slug));
  }
  return slugs;
}

}  // namespace

bool SameText(const content::Article& a, const content::ArticleDraft& d) {
  if (a.title != d.title || a.markdown != d.markdown) return false;
  std::vector<std::string> stored_tags;
  for (const auto& t : a.tags) stored_tags.push_back(t.slug);
  if (stored_tags != TagSlugs(d.tags)) return false;
  auto authors = content::ArticleService::AuthorsFromNames(d.authors);
  if (!authors || authors->size() != a.authors.size()) return false;
  for (std::size_t i = 0; i < a.authors.size(); ++i)
    if ((*authors)[i].name != a.authors[i].name) return false;
  const std::string excerpt = text::Excerpt(d.excerpt.empty() ? content::MarkdownToPlainText(d.markdown) : d.excerpt,
                                            content::ArticleService::kExcerptChars);
  return a.excerpt == excerpt;
}

}  // namespace gazette::imports
