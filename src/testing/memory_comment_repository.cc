// MemoryCommentRepository: one map by id; every list is a filter and a sort of it.
#include "testing/memory_comment_repository.h"

#include <algorithm>
#include <set>

#include "common/text.h"

namespace gazette::testing {

using comments::Comment;
using comments::CommentId;
using comments::CommentStatus;

namespace {

// `column = ?1 COLLATE NOCASE` with ?1 trimmed, as the store binds it.
bool SameEmail(const std::string& stored, std::string_view given) {
  return text::AsciiLower(stored) == text::AsciiLower(text::Trim(given));
}

template <class Keep>
std::vector<Comment> Select(const Tables& t, Keep keep) {
  std::vector<Comment> out;
  for (const auto& [id, c] : t.comments)
    if (keep(c)) out.push_back(c);
  return out;
}

// ORDER BY created_at, id (oldest first) or the reverse.
void SortByTime(std::vector<Comment>& v, bool newest_first) {
  std::sort(v.begin(), v.end(), [newest_first](const Comment& a, const Comment& b) {
    return newest_first ? std::pair(a.created_at, a.id) > std::pair(b.created_at, b.id)
                        : std::pair(a.created_at, a.id) < std::pair(b.created_at, b.id);
  });
}

bool IsApproved(const Comment& c) { return c.status == CommentStatus::kApproved; }

}  // namespace

Result<Comment> MemoryCommentRepository::Insert(const Comment& c) {
  return db_.With([&](Tables& t) -> Result<Comment> {
    if (!t.HasArticle(c.article_id) || (c.parent_id && !t.comments.count(*c.parent_id))) return ForeignKeyFailed();
    Comment stored = c;
    stored.id = NextId(t.comments);
    t.comments[stored.id] = stored;
    return stored;
  });
}

Result<Comment> MemoryCommentRepository::FindById(CommentId id) const {
  return db_.With([&](const Tables& t) -> Result<Comment> {
    auto it = t.comments.find(id);
    if (it == t.comments.end()) return Error::NotFound("No such comment.");
    return it->second;
  });
}

Result<std::vector<Comment>> MemoryCommentRepository::ListApproved(content::ArticleId article_id) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Comment>> {
    auto out = Select(t, [&](const Comment& c) { return c.article_id == article_id && IsApproved(c); });
    SortByTime(out, false);
    return out;
  });
}

Result<int> MemoryCommentRepository::CountApproved(content::ArticleId article_id) const {
  return db_.With([&](const Tables& t) -> Result<int> {
    return static_cast<int>(
        Select(t, [&](const Comment& c) { return c.article_id == article_id && IsApproved(c); }).size());
  });
}

Result<std::vector<Comment>> MemoryCommentRepository::List(std::optional<CommentStatus> status) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Comment>> {
    auto out = Select(t, [&](const Comment& c) { return !status || c.status == *status; });
    SortByTime(out, true);
    return out;
  });
}

Status MemoryCommentRepository::SetStatus(CommentId id, CommentStatus status) {
  return db_.With([&](Tables& t) -> Status {
    auto it = t.comments.find(id);
    if (it == t.comments.end()) return Error::NotFound("No such comment.");
    it->second.status = status;
    return Status::Ok();
  });
}

Result<bool> MemoryCommentRepository::HasApprovedFrom(std::string_view email) const {
  return db_.With([&](const Tables& t) -> Result<bool> {
    return !Select(t, [&](const Comment& c) { return IsApproved(c) && SameEmail(c.email, email); }).empty();
  });
}

Result<bool> MemoryCommentRepository::IsDuplicate(content::ArticleId article_id, std::string_view email,
                                                  std::string_view body) const {
  return db_.With([&](const Tables& t) -> Result<bool> {
    return !Select(t, [&](const Comment& c) {
              return c.article_id == article_id && SameEmail(c.email, email) && c.body == text::Trim(body) &&
                     c.status != CommentStatus::kTrash;
            }).empty();
  });
}

Status MemoryCommentRepository::RecordAction(const comments::ModerationAction& action) {
  return db_.With([&](Tables& t) -> Status {
    t.actions.push_back(action);
    return Status::Ok();
  });
}

Result<std::vector<comments::ModerationAction>> MemoryCommentRepository::Actions(std::optional<CommentId> id) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<comments::ModerationAction>> {
    std::vector<comments::ModerationAction> out;
    for (const auto& a : t.actions)
      if (!id || a.comment_id == *id) out.push_back(a);
    return out;
  });
}

Status MemoryCommentRepository::SetCommenting(content::ArticleId article_id, comments::ArticleCommenting c) {
  return db_.With([&](Tables& t) -> Status {
    if (c == comments::ArticleCommenting::kSiteDefault) {
      t.commenting.erase(article_id);
      return Status::Ok();
    }
    if (!t.HasArticle(article_id)) return ForeignKeyFailed();
    t.commenting[article_id] = c == comments::ArticleCommenting::kOpen;
    return Status::Ok();
  });
}

Result<comments::ArticleCommenting> MemoryCommentRepository::Commenting(content::ArticleId article_id) const {
  return db_.With([&](const Tables& t) -> Result<comments::ArticleCommenting> {
    auto it = t.commenting.find(article_id);
    if (it == t.commenting.end()) return comments::ArticleCommenting::kSiteDefault;
    return it->second ? comments::ArticleCommenting::kOpen : comments::ArticleCommenting::kClosed;
  });
}

Result<std::vector<Comment>> MemoryCommentRepository::RecentApproved(int limit) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Comment>> {
    auto out = Select(t, IsApproved);
    SortByTime(out, true);
    if (limit >= 0 && out.size() > static_cast<std::size_t>(limit)) out.resize(limit);  // LIMIT -1: all
    return out;
  });
}

Result<std::vector<Comment>> MemoryCommentRepository::ListByEmail(std::string_view email) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Comment>> {
    auto out = Select(t, [&](const Comment& c) { return SameEmail(c.email, email); });
    SortByTime(out, false);
    return out;
  });
}

Result<int> MemoryCommentRepository::EraseByEmail(std::string_view email, bool remove_text) {
  return db_.With([&](Tables& t) -> Result<int> {
    if (text::Trim(email).empty()) return 0;
    std::set<CommentId> matched;
    for (const auto& [id, c] : t.comments)
      if (SameEmail(c.email, email)) matched.insert(id);
    if (!remove_text) {
      for (CommentId id : matched) {
        Comment& c = t.comments[id];
        c.name = "Anonymous";
        c.email = c.website = c.ip = c.user_agent = "";
      }
      return static_cast<int>(matched.size());
    }
    // Replies move up to the removed comment's parent; one whose new parent goes too loses it
    // (ON DELETE SET NULL).
    const auto before = t.comments;
    for (auto& [id, c] : t.comments)
      if (c.parent_id && matched.count(*c.parent_id)) c.parent_id = before.at(*c.parent_id).parent_id;
    for (CommentId id : matched) t.comments.erase(id);
    for (auto& [id, c] : t.comments)
      if (c.parent_id && matched.count(*c.parent_id)) c.parent_id.reset();
    return static_cast<int>(matched.size());
  });
}

Result<int> MemoryCommentRepository::ClearSubmissionData(UnixTime before) {
  return db_.With([&](Tables& t) -> Result<int> {
    int changed = 0;
    for (auto& [id, c] : t.comments) {
      if (c.created_at >= before || (c.ip.empty() && c.user_agent.empty())) continue;
      c.ip.clear();
      c.user_agent.clear();
      ++changed;
    }
    return changed;
  });
}

}  // namespace gazette::testing
