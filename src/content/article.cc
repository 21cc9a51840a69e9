// Article status names, as stored and as typed on the command line; bylines.
#include "content/article.h"

#include <algorithm>

#include "common/text.h"

namespace gazette::content {

const char* ToString(ArticleStatus s) { return s == ArticleStatus::kPublished ? "published" : "draft"; }

std::optional<ArticleStatus> ParseArticleStatus(std::string_view s) {
  if (s == "published") return ArticleStatus::kPublished;
  if (s == "draft") return ArticleStatus::kDraft;
  return std::nullopt;
}

std::string Byline(const std::vector<Author>& authors) {
  std::string out;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    if (i > 0) out += i + 1 == authors.size() ? " and " : ", ";
    out += authors[i].name;
  }
  return out;
}

std::string AuthorNamesField(const std::vector<Author>& authors) {
  std::string out;
  for (const auto& a : authors) out += (out.empty() ? "" : ", ") + a.name;
  return out;
}

std::vector<std::string> SplitAuthorNames(std::string_view field) {
  std::vector<std::string> names;
  std::vector<std::string> slugs;
  for (const auto& piece : text::SplitTrimmed(field, ',')) {
    std::string name = text::CollapseWhitespace(piece);
    std::string slug = text::Slugify(name);
    if (name.empty() || std::find(slugs.begin(), slugs.end(), slug) != slugs.end()) continue;
    slugs.push_back(std::move(slug));
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace gazette::content
