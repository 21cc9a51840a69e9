// Article status names, as stored and as typed on the command line.
#include "content/article.h"

#include <algorithm>


namespace gazette::content {

const char* ToString(ArticleStatus s) { return s == ArticleStatus::kPublished ? "published" : "draft"; }

UnixTime LastEdited(const Article& a) {
  return a.updated_at > std::max(a.published_at, a.created_at) + kEditGraceSeconds ? a.updated_at : a.published_at;
}

std::optional<ArticleStatus> ParseArticleStatus(std::string_view s) {
  if (s == "published") return ArticleStatus::kPublished;
  if (s == "draft") return ArticleStatus::kDraft;
  return std::nullopt;
}

const char* ToString(ArticleKind k) { return k == ArticleKind::kPage ? "page" : "article"; }

std::optional<ArticleKind> ParseArticleKind(std::string_view s) {
  if (s == "article") return ArticleKind::kArticle;
  if (s == "page") return ArticleKind::kPage;
  return std::nullopt;
}

}  // namespace gazette::content
