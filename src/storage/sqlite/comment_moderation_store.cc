// CommentStore: the moderation log, articles' commenting choices, duplicates and the personal-data queries.
#include "common/text.h"
#include "storage/sqlite/comment_store.h"

namespace gazette::storage::sqlite {
namespace {

Result<int> Changes(Database& db) {
  auto st = db.Prepare("SELECT changes()");
  auto row = st.Step();
  if (!row) return row.error();
  return static_cast<int>(st.Int(0));
}

}  // namespace

Result<bool> CommentStore::HasApprovedFrom(std::string_view email) const {
  auto st = db_.Prepare("SELECT 1 FROM comments WHERE email = ?1 COLLATE NOCASE AND status = 'approved' LIMIT 1");
  st.Bind(1, text::Trim(email));
  return st.Exists();
}

Result<bool> CommentStore::IsDuplicate(content::ArticleId article_id, std::string_view email,
                                       std::string_view body) const {
  auto st = db_.Prepare(
      "SELECT 1 FROM comments WHERE article_id = ?1 AND email = ?2 COLLATE NOCASE AND body = ?3 "
      "AND status != 'trash' LIMIT 1");
  st.Bind(1, article_id).Bind(2, text::Trim(email)).Bind(3, text::Trim(body));
  return st.Exists();
}

Status CommentStore::RecordAction(const comments::ModerationAction& a) {
  auto st = db_.Prepare(
      "INSERT INTO comment_actions (comment_id, action, from_status, actor, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.Bind(1, a.comment_id).Bind(2, a.action).Bind(3, a.from_status).Bind(4, a.actor).Bind(5, a.at);
  return st.Run();
}

Result<std::vector<comments::ModerationAction>> CommentStore::Actions(std::optional<comments::CommentId> id) const {
  auto st =
      db_.Prepare(id ? "SELECT comment_id, action, from_status, actor, created_at FROM comment_actions "
                       "WHERE comment_id = ?1 ORDER BY id"
                     : "SELECT comment_id, action, from_status, actor, created_at FROM comment_actions ORDER BY id");
  if (id) st.Bind(1, *id);
  return st.Collect([](const Statement& s) {
    return comments::ModerationAction{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4)};
  });
}

// No row is the site default, so the table holds only explicit choices; the triggers on it
// record each change in change_log, which lets running servers drop the cached page.
Status CommentStore::SetCommenting(content::ArticleId article_id, comments::ArticleCommenting c) {
  if (c == comments::ArticleCommenting::kSiteDefault) {
    auto st = db_.Prepare("DELETE FROM article_commenting WHERE article_id = ?1");
    st.Bind(1, article_id);
    return st.Run();
  }
  auto st = db_.Prepare(
      "INSERT INTO article_commenting (article_id, open) VALUES (?1, ?2) "
      "ON CONFLICT (article_id) DO UPDATE SET open = excluded.open WHERE open != excluded.open");
  st.Bind(1, article_id).Bind(2, std::int64_t{c == comments::ArticleCommenting::kOpen});
  return st.Run();
}

Result<comments::ArticleCommenting> CommentStore::Commenting(content::ArticleId article_id) const {
  auto st = db_.Prepare("SELECT open FROM article_commenting WHERE article_id = ?1");
  st.Bind(1, article_id);
  auto row = st.Step();
  if (!row) return row.error();
  if (!*row) return comments::ArticleCommenting::kSiteDefault;
  return st.Int(0) ? comments::ArticleCommenting::kOpen : comments::ArticleCommenting::kClosed;
}

Result<int> CommentStore::EraseByEmail(std::string_view email, bool remove_text) {
  const std::string addr(text::Trim(email));
  if (addr.empty()) return 0;
  Database::Transaction tx(db_);
  int changed = 0;
  if (remove_text) {
    // Replies keep their place: they move up to the removed comment's parent.
    auto up = db_.Prepare(
        "UPDATE comments SET parent_id = (SELECT p.parent_id FROM comments p WHERE p.id = comments.parent_id) "
        "WHERE parent_id IN (SELECT id FROM comments WHERE email = ?1 COLLATE NOCASE)");
    up.Bind(1, addr);
    if (auto r = up.Run(); !r) return r.error();
    auto del = db_.Prepare("DELETE FROM comments WHERE email = ?1 COLLATE NOCASE");
    del.Bind(1, addr);
    if (auto r = del.Run(); !r) return r.error();
  } else {
    auto st = db_.Prepare(
        "UPDATE comments SET name = 'Anonymous', email = '', website = '', ip = '', user_agent = '' "
        "WHERE email = ?1 COLLATE NOCASE");
    st.Bind(1, addr);
    if (auto r = st.Run(); !r) return r.error();
  }
  auto n = Changes(db_);
  if (!n) return n.error();
  changed = *n;
  if (auto st = tx.Commit(); !st) return st.error();
  return changed;
}

Result<int> CommentStore::ClearSubmissionData(UnixTime before) {
  auto st = db_.Prepare(
      "UPDATE comments SET ip = '', user_agent = '' WHERE created_at < ?1 AND (ip != '' OR user_agent != '')");
  st.Bind(1, before);
  if (auto r = st.Run(); !r) return r.error();
  return Changes(db_);
}

}  // namespace gazette::storage::sqlite
