// ArticleCommenting: an editor's choice, per article, of whether readers may comment.
#pragma once

#include <optional>
#include <string_view>

#include "comments/comment_settings.h"
#include "common/time.h"

namespace gazette::comments {

// An editor's choice for one article; kSiteDefault follows the site's rules (closed_by_default,
// close_after_days). kOpen and kClosed override those rules either way, so that one article can be
// opened on a site closed by default, or after close_after_days has passed.
enum class ArticleCommenting { kSiteDefault, kOpen, kClosed };

// "default", "open" or "closed": the words the CLI and the admin use.
const char* ToString(ArticleCommenting c);
// The same three words, exactly; nullopt for anything else.
std::optional<ArticleCommenting> ParseArticleCommenting(std::string_view s);

// Whether an article published at `published_at` takes new comments at `now`: an explicit choice
// decides; kSiteDefault is closed when the site is closed by default or the article is older than
// close_after_days, else open. Kept apart from the service so the rule is tested without storage.
bool CommentsOpen(ArticleCommenting choice, const CommentSettings& s, UnixTime published_at, UnixTime now);

}  // namespace gazette::comments
