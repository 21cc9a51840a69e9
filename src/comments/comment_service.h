// CommentService: takes in readers' comments, applies the moderation rules and spam defences,
// and moves comments through moderation, recording who did what and training the spam filter.
#pragma once

#include <functional>
#include <vector>

#include "comments/comment.h"
#include "comments/comment_repository.h"
#include "comments/comment_settings.h"
#include "comments/commenting.h"
#include "comments/rate_limiter.h"
#include "comments/spam_filter.h"
#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/site_settings.h"

namespace gazette::comments {

// The outcome of a submission: the stored comment, or every field error at once.
struct SubmitResult {
  std::optional<Comment> comment;
  std::vector<Error> errors;  // field errors (kInvalidArgument) or one error without a field
  int retry_after = 0;        // > 0: refused by a rate limit; seconds until a retry can succeed
  bool ok() const { return comment.has_value(); }
};

class CommentService {
 public:
  // Called after a comment's status changes (or a new one is stored), with the article's id.
  using ChangeListener = std::function<void(const Comment&)>;

  CommentService(CommentRepository& comments, const content::ArticleRepository& articles,
                 const content::SettingsRepository& settings, SpamModelRepository& spam_model, const Clock& clock)
      : comments_(comments), articles_(articles), settings_(settings), spam_(spam_model), clock_(clock) {}

  void OnChange(ChangeListener listener) { listeners_.push_back(std::move(listener)); }

  // Validates the form and stores the comment as approved, pending or spam by the moderation
  // rules (comments/moderation.h), durably, before returning. Refuses comments on unknown or
  // unpublished articles (kNotFound), on closed articles (kPermissionDenied), replies to comments
  // that are not approved comments of the same article (kInvalidArgument on field "parent"),
  // duplicates (kConflict) and comments over a rate limit (kUnavailable with retry_after set).
  // Thread-safe.
  SubmitResult Submit(const CommentForm& form, const SubmissionMeta& meta);
  // The same, for a caller that has just read the article (form.article_id's) and the settings,
  // so that one comment reads each once.
  SubmitResult Submit(const content::Article& article, const CommentSettings& settings, const CommentForm& form,
                      const SubmissionMeta& meta);

  // A moderator's reply to comment `parent` (form.comment, .name, .email, .website; article and
  // parent are taken from `parent`), stored approved at once and logged as "reply" with `actor`.
  // A pending parent is approved first; one in spam or trash is refused (kInvalidArgument), as is
  // an invalid form (its first field error). Staff may reply on articles closed to readers.
  // kNotFound if there is no such comment or its article is not published.
  Result<Comment> ReplyAsStaff(CommentId parent, CommentForm form, const std::string& actor);

  // Moderators' actions, recorded in the log with `actor`. Approving or marking spam trains the
  // spam filter. kNotFound if there is no such comment.
  Status Approve(CommentId id, const std::string& actor = "") { return SetStatus(id, CommentStatus::kApproved, actor); }
  Status MarkSpam(CommentId id, const std::string& actor = "") { return SetStatus(id, CommentStatus::kSpam, actor); }
  Status Trash(CommentId id, const std::string& actor = "") { return SetStatus(id, CommentStatus::kTrash, actor); }
  Status SetStatus(CommentId id, CommentStatus status, const std::string& actor = "");
  // Takes a comment out of trash or spam, back to the status it had before (pending if unknown).
  // kInvalidArgument if it is in neither.
  Status Restore(CommentId id, const std::string& actor = "");

  // Whether new comments are accepted on `article`: an editor's explicit open or closed decides,
  // whatever the site's rules; otherwise closed when the site is closed by default or the article
  // is older than close_after_days, else open (comments/commenting.h, CommentsOpen).
  Result<bool> IsOpen(const content::Article& article) const;
  // The same, with settings the caller has already loaded.
  Result<bool> IsOpen(const content::Article& article, const CommentSettings& settings) const;
  // The editor's choice for `article`; kSiteDefault forgets an explicit open or closed.
  Status SetCommenting(content::ArticleId article, ArticleCommenting c) { return comments_.SetCommenting(article, c); }
  Result<ArticleCommenting> Commenting(content::ArticleId article) const { return comments_.Commenting(article); }

  Result<CommentSettings> Settings() const { return LoadCommentSettings(settings_); }
  Result<std::vector<Comment>> Approved(content::ArticleId article) const { return comments_.ListApproved(article); }
  Result<std::vector<Comment>> List(std::optional<CommentStatus> status) const { return comments_.List(status); }
  CommentRepository& repository() { return comments_; }
  const CommentRepository& repository() const { return comments_; }

 private:
  std::optional<Error> CheckParent(const CommentForm& form) const;
  Comment Draft(const CommentForm& form, const SubmissionMeta& meta) const;
  Status Decide(Comment& c, const SubmissionMeta& meta, const CommentSettings& s) const;
  int RateLimited(const Comment& c, const CommentSettings& s);

  CommentRepository& comments_;
  const content::ArticleRepository& articles_;
  const content::SettingsRepository& settings_;
  SpamFilter spam_;
  const Clock& clock_;
  RateLimiter limiter_;
  std::vector<ChangeListener> listeners_;
};

}  // namespace gazette::comments
