// CommentStore: each insert is its own transaction, committed (synchronous=FULL) before it returns.
#include "storage/sqlite/comment_store.h"

#include "common/text.h"

namespace gazette::storage::sqlite {

using comments::Comment;
using comments::CommentStatus;

namespace {

constexpr const char* kColumns =
    "SELECT id, article_id, parent_id, name, email, website, body, status, created_at, ip, user_agent, "
    "moderation_reason, spam_score "
    "FROM comments ";

Comment ReadComment(const Statement& st) {
  Comment c;
  c.id = st.Int(0);
  c.article_id = st.Int(1);
  if (!st.IsNull(2)) c.parent_id = st.Int(2);
  c.name = st.Text(3);
  c.email = st.Text(4);
  c.website = st.Text(5);
  c.body = st.Text(6);
  c.status = comments::ParseCommentStatus(st.Text(7)).value_or(CommentStatus::kPending);
  c.created_at = st.Int(8);
  c.ip = st.Text(9);
  c.user_agent = st.Text(10);
  c.moderation_reason = st.Text(11);
  if (!st.IsNull(12)) c.spam_score = st.Real(12);
  return c;
}

}  // namespace

Result<Comment> CommentStore::Insert(const Comment& c) {
  auto st = db_.Prepare(
      "INSERT INTO comments (article_id, parent_id, name, email, website, body, status, created_at, ip, user_agent, "
      "moderation_reason, spam_score) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  st.Bind(1, c.article_id).Bind(2, c.parent_id).Bind(3, c.name).Bind(4, c.email).Bind(5, c.website).Bind(6, c.body);
  st.Bind(7, std::string_view(comments::ToString(c.status))).Bind(8, c.created_at).Bind(9, c.ip).Bind(10, c.user_agent);
  st.Bind(11, c.moderation_reason);
  if (c.spam_score)
    st.Bind(12, *c.spam_score);
  else
    st.BindNull(12);
  if (auto r = st.Run(); !r) return r.error();
  Comment stored = c;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<std::vector<Comment>> CommentStore::RecentApproved(int limit) const {
  auto st = db_.Prepare(std::string(kColumns) + "WHERE status = 'approved' ORDER BY created_at DESC, id DESC LIMIT ?1");
  st.Bind(1, static_cast<std::int64_t>(limit));
  return Collect(st);
}

Result<std::vector<Comment>> CommentStore::ListByEmail(std::string_view email) const {
  auto st = db_.Prepare(std::string(kColumns) + "WHERE email = ?1 COLLATE NOCASE ORDER BY created_at, id");
  st.Bind(1, text::Trim(email));
  return Collect(st);
}

Result<std::vector<Comment>> CommentStore::Collect(Statement& st) const { return st.Collect(ReadComment); }

Result<Comment> CommentStore::FindById(comments::CommentId id) const {
  auto st = db_.Prepare(std::string(kColumns) + "WHERE id = ?1");
  st.Bind(1, id);
  return st.One(ReadComment, "No such comment.");
}

Result<std::vector<Comment>> CommentStore::ListApproved(content::ArticleId article_id) const {
  auto st =
      db_.Prepare(std::string(kColumns) + "WHERE article_id = ?1 AND status = 'approved' ORDER BY created_at, id");
  st.Bind(1, article_id);
  return Collect(st);
}

Result<int> CommentStore::CountApproved(content::ArticleId article_id) const {
  auto st = db_.Prepare("SELECT COUNT(*) FROM comments WHERE article_id = ?1 AND status = 'approved'");
  st.Bind(1, article_id);
  auto row = st.Step();
  if (!row) return row.error();
  return static_cast<int>(st.Int(0));
}

Result<std::vector<Comment>> CommentStore::List(std::optional<CommentStatus> status) const {
  auto st = db_.Prepare(status ? std::string(kColumns) + "WHERE status = ?1 ORDER BY created_at DESC, id DESC"
                               : std::string(kColumns) + "ORDER BY created_at DESC, id DESC");
  if (status) st.Bind(1, std::string_view(comments::ToString(*status)));
  return Collect(st);
}

Status CommentStore::SetStatus(comments::CommentId id, CommentStatus status) {
  auto st = db_.Prepare("UPDATE comments SET status = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, std::string_view(comments::ToString(status)));
  if (auto r = st.Run(); !r) return r;
  auto changed = db_.Prepare("SELECT changes()");
  auto row = changed.Step();
  if (row && *row && changed.Int(0) == 0) return Error::NotFound("No such comment.");
  return Status::Ok();
}

}  // namespace gazette::storage::sqlite
