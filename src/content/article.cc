// Article status names, as stored and as typed on the command line.
#include "content/article.h"


namespace gazette::content {

const char* ToString(ArticleStatus s) { return s == ArticleStatus::kPublished ? "published" : "draft"; }

std::optional<ArticleStatus> ParseArticleStatus(std::string_view s) {
  if (s == "published") return ArticleStatus::kPublished;
  if (s == "draft") return ArticleStatus::kDraft;
  return std::nullopt;
}

}  // namespace gazette::content
