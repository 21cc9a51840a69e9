// EditorialStore: small tables keyed by article id (migration 4). Changing the slug or excerpt
// writes the articles row, so the change-log triggers invalidate the cached pages.
#include "storage/sqlite/editorial_store.h"

#include "common/text.h"

namespace gazette::storage::sqlite {

using content::ArticleId;
using content::Revision;

namespace {

Status RunWithId(Database& db, const char* sql, ArticleId id) {
  auto st = db.Prepare(sql);
  st.Bind(1, id);
  return st.Run();
}

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += '\n';
    out += s;
  }
  return out;
}

// Rows of (article id, value) as a map, for the tables keyed by article id.
Result<std::map<ArticleId, std::int64_t>> CollectMap(Statement& st) {
  auto rows = st.Collect([](const Statement& s) { return std::pair{s.Int(0), s.Int(1)}; });
  if (!rows) return rows.error();
  std::map<ArticleId, std::int64_t> out;
  for (const auto& [id, value] : *rows) out[id] = value;
  return out;
}

constexpr const char* kRevisionColumns =
    "SELECT id, article_id, title, markdown, excerpt, author, tags, coalesce(user_id, 0), created_at, correction "
    "FROM article_revisions ";

Revision ReadRevision(const Statement& st) {
  Revision r;
  r.id = st.Int(0);
  r.article_id = st.Int(1);
  r.title = st.Text(2);
  r.markdown = st.Text(3);
  r.excerpt = st.Text(4);
  r.author = st.Text(5);
  for (auto& t : text::SplitTrimmed(st.Text(6), '\n'))
    if (!t.empty()) r.tags.emplace_back(t);
  r.user_id = st.Int(7);
  r.created_at = st.Int(8);
  r.correction = st.Text(9);
  return r;
}

}  // namespace

Status EditorialStore::SetOwner(ArticleId id, std::int64_t user) {
  auto st = db_.Prepare(
      "INSERT INTO article_owners (article_id, user_id) VALUES (?1, ?2) "
      "ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id");
  st.Bind(1, id).Bind(2, user);
  return st.Run();
}

Result<std::int64_t> EditorialStore::Owner(ArticleId id) const {
  auto st = db_.Prepare("SELECT coalesce(user_id, 0) FROM article_owners WHERE article_id = ?1");
  st.Bind(1, id);
  auto row = st.Step();
  if (!row) return row.error();
  return *row ? st.Int(0) : std::int64_t{0};
}

Result<std::map<ArticleId, std::int64_t>> EditorialStore::Owners() const {
  auto st = db_.Prepare("SELECT article_id, coalesce(user_id, 0) FROM article_owners");
  return CollectMap(st);
}

Status EditorialStore::Schedule(ArticleId id, UnixTime at) {
  auto st = db_.Prepare(
      "INSERT INTO article_schedule (article_id, publish_at) VALUES (?1, ?2) "
      "ON CONFLICT (article_id) DO UPDATE SET publish_at = excluded.publish_at");
  st.Bind(1, id).Bind(2, at);
  return st.Run();
}

Status EditorialStore::Unschedule(ArticleId id) {
  return RunWithId(db_, "DELETE FROM article_schedule WHERE article_id = ?1", id);
}

Result<std::map<ArticleId, UnixTime>> EditorialStore::Schedules() const {
  auto st = db_.Prepare("SELECT article_id, publish_at FROM article_schedule ORDER BY publish_at");
  return CollectMap(st);
}

Status EditorialStore::Trash(ArticleId id, UnixTime now) {
  auto st = db_.Prepare("INSERT OR REPLACE INTO article_trash (article_id, trashed_at) VALUES (?1, ?2)");
  st.Bind(1, id).Bind(2, now);
  return st.Run();
}

Status EditorialStore::Restore(ArticleId id) {
  return RunWithId(db_, "DELETE FROM article_trash WHERE article_id = ?1", id);
}

Result<std::set<ArticleId>> EditorialStore::Trashed() const {
  auto st = db_.Prepare("SELECT article_id FROM article_trash");
  std::set<ArticleId> out;
  for (;;) {
    auto row = st.Step();
    if (!row) return row.error();
    if (!*row) return out;
    out.insert(st.Int(0));
  }
}

Result<Revision> EditorialStore::AddRevision(const Revision& r) {
  auto st = db_.Prepare(
      "INSERT INTO article_revisions (article_id, title, markdown, excerpt, author, tags, user_id, created_at, "
      "correction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.Bind(1, r.article_id).Bind(2, r.title).Bind(3, r.markdown).Bind(4, r.excerpt).Bind(5, r.author);
  st.Bind(6, JoinLines(r.tags));
  if (r.user_id)
    st.Bind(7, r.user_id);
  else
    st.BindNull(7);
  st.Bind(8, r.created_at).Bind(9, r.correction);
  if (auto s = st.Run(); !s) return s.error();
  Revision stored = r;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<std::vector<Revision>> EditorialStore::Revisions(ArticleId id) const {
  auto st = db_.Prepare(std::string(kRevisionColumns) + "WHERE article_id = ?1 ORDER BY id DESC");
  st.Bind(1, id);
  return st.Collect(ReadRevision);
}

Result<Revision> EditorialStore::FindRevision(std::int64_t revision_id) const {
  auto st = db_.Prepare(std::string(kRevisionColumns) + "WHERE id = ?1");
  st.Bind(1, revision_id);
  return st.One(ReadRevision, "No such revision.");
}

Status EditorialStore::SetSlug(ArticleId id, std::string_view slug) {
  auto st = db_.Prepare("UPDATE articles SET slug = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, slug);
  auto r = st.Run();
  if (!r && r.error().code == ErrorCode::kConflict) return Error::Conflict("Another article already has this slug.");
  return r;
}

Status EditorialStore::AddCorrection(ArticleId id, std::string_view note, UnixTime at) {
  auto st = db_.Prepare("INSERT INTO article_corrections (article_id, note, created_at) VALUES (?1, ?2, ?3)");
  st.Bind(1, id).Bind(2, note).Bind(3, at);
  if (auto r = st.Run(); !r) return r.error().code == ErrorCode::kConflict ? Error::NotFound("No such article.") : r;
  return Status::Ok();
}

Status EditorialStore::SetExcerpt(ArticleId id, std::string_view excerpt) {
  auto st = db_.Prepare("UPDATE articles SET excerpt = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, excerpt);
  return st.Run();
}

Status EditorialStore::SetHtml(ArticleId id, std::string_view html) {
  auto st = db_.Prepare("UPDATE articles SET html = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, html);
  return st.Run();
}

Status EditorialStore::SetFeaturedImage(ArticleId id, const std::optional<content::FeaturedImage>& image) {
  if (!image) {
    auto st = db_.Prepare("DELETE FROM article_featured_images WHERE article_id = ?1");
    st.Bind(1, id);
    return st.Run();
  }
  // Checked here rather than read from a foreign-key failure, which would not say which key failed.
  auto exists = db_.Prepare("SELECT 1 FROM media WHERE id = ?1");
  exists.Bind(1, image->media_id);
  auto found = exists.Exists();
  if (!found) return found.error();
  if (!*found) return Error::Invalid("There is no such image in the media library.", "featured_image");
  auto st = db_.Prepare(
      "INSERT INTO article_featured_images (article_id, media_id, alt, caption) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (article_id) DO UPDATE SET media_id = excluded.media_id, alt = excluded.alt, "
      "caption = excluded.caption");
  st.Bind(1, id).Bind(2, image->media_id).Bind(3, image->alt).Bind(4, image->caption);
  return st.Run();
}

}  // namespace gazette::storage::sqlite
