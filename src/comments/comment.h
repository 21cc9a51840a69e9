// Comments: what readers write under an article, and where each stands in moderation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "content/article.h"

namespace gazette::comments {

using CommentId = std::int64_t;

enum class CommentStatus { kPending, kApproved, kSpam, kTrash };

const char* ToString(CommentStatus s);
std::optional<CommentStatus> ParseCommentStatus(std::string_view s);

struct Comment {
  CommentId id = 0;
  content::ArticleId article_id = 0;
  std::optional<CommentId> parent_id;
  std::string name;
  std::string email;  // private: never shown in a page, feed or API
  std::string website;
  std::string body;  // plain text as written
  CommentStatus status = CommentStatus::kPending;
  UnixTime created_at = 0;
  std::string ip;                    // cleared after the retention period
  std::string user_agent;            // cleared after the retention period
  std::string moderation_reason;     // why it was held or sent to spam ("" when approved outright)
  std::optional<double> spam_score;  // the learning filter's probability of spam, once trained
};

// A comment as a visitor's form sends it, before any check.
struct CommentForm {
  content::ArticleId article_id = 0;
  std::optional<CommentId> parent_id;
  std::string comment;
  std::string name;
  std::string email;
  std::string website;
};

// Where the submission came from, kept for spam control.
struct SubmissionMeta {
  std::string ip;  // the client's address (from a trusted proxy's X-Forwarded-For, if any)
  std::string user_agent;
  std::optional<UnixTime> token_issued_at;  // nullopt: the form came without a token (no script)
  bool honeypot_filled = false;             // the hidden field only bots fill in
};

// A moderator's action, as recorded in the log.
struct ModerationAction {
  CommentId comment_id = 0;
  std::string action;       // approve, spam, trash, restore
  std::string from_status;  // the status before the action
  std::string actor;        // who: a user name, "cli:USER"
  UnixTime at = 0;
};

}  // namespace gazette::comments
