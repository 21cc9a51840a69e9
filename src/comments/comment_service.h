// CommentService: takes in readers' comments and moves them through moderation.
#pragma once

#include <functional>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "comments/comment.h"
#include "comments/comment_repository.h"
#include "content/article_repository.h"

namespace gazette::comments {

// The outcome of a submission: the stored comment, or every field error at once.
struct SubmitResult {
  std::optional<Comment> comment;
  std::vector<Error> errors;  // field errors (kInvalidArgument) or one error without a field
  bool ok() const { return comment.has_value(); }
};

class CommentService {
 public:
  // Called after a comment's status changes (or a new one is stored), with the article's id.
  using ChangeListener = std::function<void(const Comment&)>;

  CommentService(CommentRepository& comments, const content::ArticleRepository& articles, const Clock& clock)
      : comments_(comments), articles_(articles), clock_(clock) {}

  void OnChange(ChangeListener listener) { listeners_.push_back(std::move(listener)); }

  // Validates the form and stores the comment as pending. Refuses comments on unknown or
  // unpublished articles (kNotFound) and replies to comments that are not approved comments
  // of the same article (kInvalidArgument on field "parent").
  SubmitResult Submit(const CommentForm& form, const SubmissionMeta& meta);

  Status Approve(CommentId id) { return SetStatus(id, CommentStatus::kApproved); }
  Status MarkSpam(CommentId id) { return SetStatus(id, CommentStatus::kSpam); }
  Status Trash(CommentId id) { return SetStatus(id, CommentStatus::kTrash); }
  Status SetStatus(CommentId id, CommentStatus status);

  Result<std::vector<Comment>> Approved(content::ArticleId article) const { return comments_.ListApproved(article); }
  Result<std::vector<Comment>> List(std::optional<CommentStatus> status) const { return comments_.List(status); }

 private:
  CommentRepository& comments_;
  const content::ArticleRepository& articles_;
  const Clock& clock_;
  std::vector<ChangeListener> listeners_;
};

}  // namespace gazette::comments
