// CommentStore: comments::CommentRepository on SQLite.
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

 private:
  Result<std::vector<comments::Comment>> Collect(Statement& st) const;
  Database& db_;
};

}  // namespace gazette::storage::sqlite
