// The moderation rules: where a new comment goes (approved, held, spam) and why.
#pragma once

#include <optional>
#include <string>

#include "comments/comment.h"
#include "comments/comment_settings.h"

namespace gazette::comments {

// What is known about a submission beyond its text, gathered by CommentService.
struct ModerationFacts {
  bool author_has_approved_comment = false;  // an approved comment with the same email
  std::optional<UnixTime> token_age;         // seconds since the form token was issued; nullopt: none
  bool honeypot_filled = false;
  std::optional<double> spam_probability;  // the learning filter's verdict, once it is trained
};

struct Verdict {
  CommentStatus status = CommentStatus::kPending;
  std::string reason;  // every rule that fired, "; "-separated ("" when approved outright)
};

// Spam when the honeypot is filled, a disallowed word matches or the filter is over its
// threshold; held when moderation is on for all, there are too many links, a moderation word
// matches, the filter leans to spam (>= spam_hold_threshold), the form came without a token or too fast, or the
// author is new; otherwise approved.
// Words match case-insensitively anywhere in the name, email, website or text (as WordPress).
Verdict Moderate(const Comment& comment, const ModerationFacts& facts, const CommentSettings& settings);

}  // namespace gazette::comments
