// MemoryCommentRepository: comments::CommentRepository in memory, with the meaning of
// storage/sqlite/comment_store.cc and comment_moderation_store.cc (orderings, emails compared
// as SQLite's NOCASE does: ASCII letters without case, after trimming).
#pragma once

#include "comments/comment_repository.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository. As in SQLite, a comment on an unknown
// article or replying to an unknown comment is refused with kConflict (a foreign key).
class MemoryCommentRepository final : public comments::CommentRepository {
 public:
  explicit MemoryCommentRepository(MemoryDatabase& db) : db_(db) {}

  Result<comments::Comment> Insert(const comments::Comment& comment) override;
  Result<comments::Comment> FindById(comments::CommentId id) const override;
  Result<std::vector<comments::Comment>> ListApproved(content::ArticleId article_id) const override;
  Result<int> CountApproved(content::ArticleId article_id) const override;
  Result<std::vector<comments::Comment>> List(std::optional<comments::CommentStatus> status) const override;
  Status SetStatus(comments::CommentId id, comments::CommentStatus status) override;
  Result<bool> HasApprovedFrom(std::string_view email) const override;
  Result<bool> IsDuplicate(content::ArticleId article_id, std::string_view email, std::string_view body) const override;
  Status RecordAction(const comments::ModerationAction& action) override;
  Result<std::vector<comments::ModerationAction>> Actions(std::optional<comments::CommentId> comment_id) const override;
  Status SetCommenting(content::ArticleId article_id, comments::ArticleCommenting c) override;
  Result<comments::ArticleCommenting> Commenting(content::ArticleId article_id) const override;
  Result<std::vector<comments::Comment>> RecentApproved(int limit) const override;
  Result<std::vector<comments::Comment>> ListByEmail(std::string_view email) const override;
  Result<int> EraseByEmail(std::string_view email, bool remove_text) override;
  Result<int> ClearSubmissionData(UnixTime before) override;

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
