// CommentRepository: where comments are kept. Implemented in storage/.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "comments/comment.h"
#include "comments/commenting.h"
#include "common/result.h"

namespace gazette::comments {

// Implementations are thread-safe, and Insert is durable when it returns.
class CommentRepository {
 public:
  virtual ~CommentRepository() = default;

  // Stores `comment` (its id is ignored) and returns it with its id.
  virtual Result<Comment> Insert(const Comment& comment) = 0;
  // kNotFound if there is no such comment.
  virtual Result<Comment> FindById(CommentId id) const = 0;
  // Approved comments of an article, oldest first.
  virtual Result<std::vector<Comment>> ListApproved(content::ArticleId article_id) const = 0;
  virtual Result<int> CountApproved(content::ArticleId article_id) const = 0;
  // All comments, or those with `status`, newest first.
  virtual Result<std::vector<Comment>> List(std::optional<CommentStatus> status) const = 0;
  // kNotFound if there is no such comment.
  virtual Status SetStatus(CommentId id, CommentStatus status) = 0;

  // --- moderation ---
  // Whether any approved comment has this email (compared case-insensitively).
  virtual Result<bool> HasApprovedFrom(std::string_view email) const = 0;
  // Whether this article already has a comment (not trashed) with this email and text.
  virtual Result<bool> IsDuplicate(content::ArticleId article_id, std::string_view email,
                                   std::string_view body) const = 0;
  // Appends to the moderators' action log, and lists it (a comment's, or all), oldest first.
  virtual Status RecordAction(const ModerationAction& action) = 0;
  virtual Result<std::vector<ModerationAction>> Actions(std::optional<CommentId> comment_id) const = 0;
  // The editor's commenting choice for an article; kSiteDefault forgets any explicit choice.
  virtual Status SetCommenting(content::ArticleId article_id, ArticleCommenting c) = 0;
  // kSiteDefault when no choice was made (also for an unknown article).
  virtual Result<ArticleCommenting> Commenting(content::ArticleId article_id) const = 0;
  // The newest approved comments of the whole site.
  virtual Result<std::vector<Comment>> RecentApproved(int limit) const = 0;

  // --- personal data ---
  // Every comment with this email (case-insensitive), oldest first.
  virtual Result<std::vector<Comment>> ListByEmail(std::string_view email) const = 0;
  // Anonymises every comment with this email: name "Anonymous", no email, website, IP or user
  // agent. With `remove_text`, deletes the comments instead (their replies move up a level).
  // Returns how many comments were changed.
  virtual Result<int> EraseByEmail(std::string_view email, bool remove_text) = 0;
  // Clears the IP address and user agent of comments created before `before`; returns how many.
  virtual Result<int> ClearSubmissionData(UnixTime before) = 0;
};

}  // namespace gazette::comments
