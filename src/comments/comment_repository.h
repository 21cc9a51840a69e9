// CommentRepository: where comments are kept. Implemented in storage/.
#pragma once

#include <optional>
#include <vector>

#include "common/result.h"
#include "comments/comment.h"

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
};

}  // namespace gazette::comments
