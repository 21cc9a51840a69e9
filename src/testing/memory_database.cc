// MemoryDatabase: a unit of work copies the tables when it begins, so undoing it is putting the
// copy back; test databases are small enough for that to cost nothing.
#include "testing/memory_database.h"

#include "common/text.h"

namespace gazette::testing {

content::Article Tables::LoadArticle(const ArticleRow& row) const {
  content::Article a = row.article;
  a.tags.clear();
  for (std::int64_t id : row.tag_ids) a.tags.push_back(tags.at(id));
  a.authors.clear();
  for (std::int64_t id : row.author_ids) a.authors.push_back(authors.at(id).author);
  if (auto it = corrections.find(row.article.id); it != corrections.end()) a.corrections = it->second;
  // As the store reads an article stored before authors were people: its byline text.
  if (a.authors.empty()) a.authors.push_back(content::Author{0, a.author, text::Slugify(a.author)});
  return a;
}

content::ArticleSummary Tables::Summary(const ArticleRow& row, bool with_image) const {
  const content::Article& a = row.article;
  content::ArticleSummary s{a.id, a.slug, a.title, a.excerpt, a.author, a.published_at, std::nullopt, std::nullopt};
  if (!row.tag_ids.empty()) s.primary_tag = tags.at(row.tag_ids.front());
  if (with_image) s.featured_image = a.featured_image;
  s.kind = a.kind;
  return s;
}

const ArticleRow* Tables::FindArticle(content::ArticleId id) const {
  auto it = articles.find(id);
  return it == articles.end() ? nullptr : &it->second;
}

Error ForeignKeyFailed() { return Error::Conflict("database: FOREIGN KEY constraint failed"); }

std::unique_lock<std::mutex> MemoryDatabase::Lock() const {
  std::unique_lock lock(mutex_);
  unit_ended_.wait(lock, [this] { return unit_depth_ == 0 || unit_owner_ == std::this_thread::get_id(); });
  return lock;
}

void MemoryDatabase::SetUnavailable(bool unavailable) {
  auto lock = Lock();
  unavailable_ = unavailable;
}

Status MemoryDatabase::InTransaction(const std::function<Status()>& work) {
  std::optional<Tables> before;
  {
    auto lock = Lock();
    if (unavailable_) return Busy();
    before = tables_;
    if (unit_depth_++ == 0) unit_owner_ = std::this_thread::get_id();
  }
  Status st;
  try {
    st = work();
  } catch (...) {
    EndUnit(std::move(before));
    throw;
  }
  EndUnit(st ? std::nullopt : std::move(before));
  return st;
}

// Only the thread that runs the unit reaches the tables while it is open, so the lock is taken
// without waiting for units to end.
void MemoryDatabase::EndUnit(std::optional<Tables> restore) {
  std::lock_guard lock(mutex_);
  if (restore) tables_ = std::move(*restore);
  if (--unit_depth_ == 0) {
    unit_owner_ = {};
    unit_ended_.notify_all();
  }
}

}  // namespace gazette::testing
