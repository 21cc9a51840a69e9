// MemoryDatabase: the rows every in-memory repository twin reads and writes, as one SQLite file
// is shared by every store in storage/sqlite/. The twins are built over one MemoryDatabase so
// that what SQLite keeps across tables (an article's slug and its old slugs, foreign keys, a
// transaction that spans several repositories) holds in memory too.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "accounts/account_repository.h"
#include "comments/comment.h"
#include "common/result.h"
#include "content/article.h"
#include "content/editorial_repository.h"
#include "content/redirects.h"
#include "media/media.h"
#include "related/related_repository.h"

namespace gazette::testing {

// An article as the articles table holds it: tags by id, in position order (the primary
// first), and the plain text kept for search and relatedness.
struct ArticleRow {
  content::Article article;  // article.tags and article.authors are left empty: see the ids
  std::vector<std::int64_t> tag_ids;
  std::vector<std::int64_t> author_ids;  // in byline order
  std::string body_text;
};

struct OverrideRow {
  related::OverrideKind kind = related::OverrideKind::kPin;
  UnixTime created_at = 0;
  std::int64_t rowid = 0;  // kept by an update, as SQLite keeps a row's rowid
};

// Every table. Ids are given as SQLite gives an INTEGER PRIMARY KEY without AUTOINCREMENT: one
// more than the largest in the table (NextId).
struct Tables {
  std::map<content::ArticleId, ArticleRow> articles;
  std::map<std::int64_t, content::Tag> tags;
  std::map<std::int64_t, content::AuthorProfile> authors;  // `published` is left 0: counted when read
  std::map<std::string, content::ArticleId> old_slugs;
  std::map<content::ArticleId, std::vector<content::Correction>> corrections;  // oldest first
  std::map<content::ArticleId, std::int64_t> owners;
  std::map<content::ArticleId, UnixTime> schedule;
  std::map<content::ArticleId, UnixTime> trash;
  std::map<std::int64_t, content::Revision> revisions;
  std::map<comments::CommentId, comments::Comment> comments;
  std::vector<comments::ModerationAction> actions;  // in the order recorded
  std::map<content::ArticleId, bool> commenting;    // true: open; no row: the site's rules
  std::map<std::string, std::string> settings;
  std::map<accounts::UserId, accounts::User> users;
  std::map<std::int64_t, accounts::Session> sessions;
  std::map<std::int64_t, accounts::ApiToken> api_tokens;
  std::map<std::int64_t, media::MediaItem> media;
  std::map<std::string, related::TermId> term_ids;
  std::map<related::TermId, int> term_df;
  std::map<content::ArticleId, related::IndexedArticle> indexed;
  related::IndexStats related_stats;
  std::map<content::ArticleId, std::vector<related::RelatedLink>> related_lists;  // no empty lists
  std::map<std::pair<content::ArticleId, content::ArticleId>, OverrideRow> overrides;
  std::map<std::string, content::Redirect> redirects;  // by source

  // The article with its tags, as a store returns it. REQUIRES: the row is in `articles`.
  content::Article LoadArticle(const ArticleRow& row) const;
  // What lists show of it: no body, the primary tag; the featured image only if asked.
  content::ArticleSummary Summary(const ArticleRow& row, bool with_image) const;
  const ArticleRow* FindArticle(content::ArticleId id) const;
  bool HasArticle(content::ArticleId id) const { return articles.count(id) > 0; }
  bool HasUser(accounts::UserId id) const { return users.count(id) > 0; }
};

// The id SQLite gives the next row of a table keyed by an INTEGER PRIMARY KEY.
template <class Map>
std::int64_t NextId(const Map& rows) {
  return rows.empty() ? 1 : rows.rbegin()->first + 1;
}

// What SQLite answers when a row names a parent that does not exist (foreign keys are on).
Error ForeignKeyFailed();

// Thread-safe: every call holds one mutex; while a thread runs a unit of work (InTransaction),
// other threads wait for it to end, as writers wait for an SQLite transaction.
class MemoryDatabase {
 public:
  // Runs `f(tables)` under the lock and returns what it returns (a Result or a Status). While
  // SetUnavailable(true) is in force, returns kUnavailable without calling `f`.
  template <class F>
  auto With(F&& f) -> decltype(f(std::declval<Tables&>())) {
    auto lock = Lock();
    if (unavailable_) return Busy();
    return f(tables_);
  }
  template <class F>
  auto With(F&& f) const -> decltype(f(std::declval<const Tables&>())) {
    auto lock = Lock();
    if (unavailable_) return Busy();
    return f(static_cast<const Tables&>(tables_));
  }

  // Runs `work`; what it wrote is kept when it returns Ok and undone when it returns an error or
  // throws (the exception goes on). A unit inside another undoes only its own writes on failure.
  Status InTransaction(const std::function<Status()>& work);

  // Makes every later call fail with kUnavailable (a busy or lost database) until called with
  // false: for tests of what a service does when storage fails.
  void SetUnavailable(bool unavailable);

 private:
  std::unique_lock<std::mutex> Lock() const;
  static Error Busy() { return Error::Unavailable("The database is busy; try again."); }
  void EndUnit(std::optional<Tables> restore);

  mutable std::mutex mutex_;
  mutable std::condition_variable unit_ended_;
  Tables tables_;
  bool unavailable_ = false;
  int unit_depth_ = 0;
  std::thread::id unit_owner_;
};

}  // namespace gazette::testing
