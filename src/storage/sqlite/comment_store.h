// CommentStore: comments::CommentRepository on SQLite (moderation and personal-data queries are
// in comment_moderation_store.cc).
#pragma once

#include "comments/comment_repository.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class CommentStore final : public comments::CommentRepository {
 public:
  explicit CommentStore(Database& db) : db_(db) {}

  Result<comments::Comment> Insert(const comments::Comment& comment) override;
  Result<comments::Comment> FindById(comments::CommentId id) const override;
  Result<std::vector<comments::Comment>> ListApproved(content::ArticleId article_id) const override;
  Result<int> CountApproved(content::ArticleId article_id) const override;
  Result<std::vector<comments::Comment>> List(std::optional<comments::CommentStatus> status) const override;
  Status SetStatus(comments::CommentId id, comments::CommentStatus status) override;
  // comment_moderation_store.cc
  Result<bool> HasApprovedFrom(std::string_view email) const override;
  Result<bool> IsDuplicate(content::ArticleId article_id, std::string_view email, std::string_view body) const override;
  Status RecordAction(const comments::ModerationAction& action) override;
  Result<std::vector<comments::ModerationAction>> Actions(std::optional<comments::CommentId> comment_id) const override;
  Status SetCommenting(content::ArticleId article_id, comments::ArticleCommenting c) override;
  Result<comments::ArticleCommenting> Commenting(content::ArticleId article_id) const override;
  Result<std::vector<comments::Comment>> RecentApproved(int limit) const override;
  Result<std::vector<comments::Comment>> ListByEmail(std::string_view email) const override;
  // comment_moderation_store.cc
  Result<int> EraseByEmail(std::string_view email, bool remove_text) override;
  Result<int> ClearSubmissionData(UnixTime before) override;

 private:
  Result<std::vector<comments::Comment>> Collect(Statement& st) const;
  Database& db_;
};

}  // namespace gazette::storage::sqlite
