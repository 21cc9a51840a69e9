// ArticleCommenting: the words for an editor's per-article choice, and the rule that decides.
#include "comments/commenting.h"

namespace gazette::comments {

const char* ToString(ArticleCommenting c) {
  switch (c) {
    case ArticleCommenting::kOpen:
      return "open";
    case ArticleCommenting::kClosed:
      return "closed";
    case ArticleCommenting::kSiteDefault:
      break;
  }
  return "default";
}

std::optional<ArticleCommenting> ParseArticleCommenting(std::string_view s) {
  for (auto c : {ArticleCommenting::kSiteDefault, ArticleCommenting::kOpen, ArticleCommenting::kClosed})
    if (s == ToString(c)) return c;
  return std::nullopt;
}

bool CommentsOpen(ArticleCommenting choice, const CommentSettings& s, UnixTime published_at, UnixTime now) {
  if (choice == ArticleCommenting::kOpen) return true;
  if (choice == ArticleCommenting::kClosed) return false;
  if (s.closed_by_default) return false;
  return s.close_after_days <= 0 || now - published_at <= static_cast<UnixTime>(s.close_after_days) * 86400;
}

}  // namespace gazette::comments
