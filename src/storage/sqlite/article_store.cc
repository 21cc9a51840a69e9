// ArticleStore: parameterised SQL only; an article, its tags and its authors are written in one
// transaction.
#include "storage/sqlite/article_store.h"

#include "common/text.h"

namespace gazette::storage::sqlite {

using content::Article;
using content::ArticleStatus;
using content::ArticleSummary;
using content::Tag;

namespace {

// The article's columns and its featured image's (NULL when it has none), read in one query.
constexpr const char* kArticleSelect =
    "SELECT a.id, a.slug, a.title, a.markdown, a.html, a.excerpt, a.author, a.status, a.published_at, a.created_at, "
    "a.updated_at, fi.media_id, fi.alt, fi.caption, a.kind "
    "FROM articles a LEFT JOIN article_featured_images fi ON fi.article_id = a.id ";

// The featured image in columns `col`, `col` + 1, `col` + 2 (media_id, alt, caption) of a LEFT JOIN.
std::optional<content::FeaturedImage> FeaturedImageAt(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return content::FeaturedImage{st.Int(col), st.Text(col + 1), st.Text(col + 2)};
}

Article ReadArticle(const Statement& st) {
  Article a;
  a.id = st.Int(0);
  a.slug = st.Text(1);
  a.title = st.Text(2);
  a.markdown = st.Text(3);
  a.html = st.Text(4);
  a.excerpt = st.Text(5);
  a.author = st.Text(6);
  a.status = content::ParseArticleStatus(st.Text(7)).value_or(ArticleStatus::kDraft);
  a.published_at = st.Int(8);
  a.created_at = st.Int(9);
  a.updated_at = st.Int(10);
  a.featured_image = FeaturedImageAt(st, 11);
  a.kind = content::ParseArticleKind(st.Text(14)).value_or(content::ArticleKind::kArticle);
  return a;
}

Tag ReadTag(const Statement& st) { return Tag{st.Int(0), st.Text(1), st.Text(2)}; }

// Rows changed by the last statement on this thread's connection.
std::int64_t RowsChanged(Database& db) {
  auto st = db.Prepare("SELECT changes()");
  auto row = st.Step();
  return row && *row ? st.Int(0) : 0;
}

}  // namespace

ArticleSummary ReadSummary(const Statement& st) {
  ArticleSummary s;
  s.id = st.Int(0);
  s.slug = st.Text(1);
  s.title = st.Text(2);
  s.excerpt = st.Text(3);
  s.author = st.Text(4);
  s.published_at = st.Int(5);
  if (!st.IsNull(6)) s.primary_tag = Tag{st.Int(6), st.Text(7), st.Text(8)};
  return s;
}

Result<std::int64_t> ArticleStore::EnsureTag(const Tag& tag) {
  auto find = db_.Prepare("SELECT id FROM tags WHERE slug = ?1");
  find.Bind(1, tag.slug);
  auto row = find.Step();
  if (!row) return row.error();
  if (*row) return find.Int(0);
  auto insert = db_.Prepare("INSERT INTO tags (name, slug) VALUES (?1, ?2)");
  insert.Bind(1, tag.name).Bind(2, tag.slug);
  if (auto st = insert.Run(); !st) return st.error();
  return db_.LastInsertId();
}

Status ArticleStore::LinkTags(content::ArticleId id, const std::vector<Tag>& tags) {
  for (std::size_t i = 0; i < tags.size(); ++i) {
    auto tag_id = EnsureTag(tags[i]);
    if (!tag_id) return tag_id.error();
    auto link = db_.Prepare("INSERT INTO article_tags (article_id, tag_id, position) VALUES (?1, ?2, ?3)");
    link.Bind(1, id).Bind(2, *tag_id).Bind(3, static_cast<std::int64_t>(i));
    if (auto r = link.Run(); !r) return r;
  }
  return Status::Ok();
}

Result<Article> ArticleStore::Insert(const content::NewArticle& a) {
  Database::Transaction tx(db_);
  auto st = db_.Prepare(
      "INSERT INTO articles (slug, title, markdown, html, excerpt, author, status, published_at, created_at, "
      "updated_at, body_text, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)");
  st.Bind(1, a.slug).Bind(2, a.title).Bind(3, a.markdown).Bind(4, a.html).Bind(5, a.excerpt).Bind(6, a.author);
  st.Bind(7, std::string_view(content::ToString(a.status))).Bind(8, a.published_at).Bind(9, a.created_at);
  st.Bind(10, a.body_text).Bind(11, std::string_view(content::ToString(a.kind)));
  if (auto r = st.Run(); !r) {
    if (r.error().code == ErrorCode::kConflict) return Error::Conflict("An article with this slug already exists.");
    return r.error();
  }
  const content::ArticleId id = db_.LastInsertId();
  if (auto r = LinkTags(id, a.tags); !r) return r.error();
  if (auto r = LinkAuthors(id, a.authors); !r) return r.error();
  if (auto r = tx.Commit(); !r) return r.error();
  return FindById(id);
}

Status ArticleStore::Update(content::ArticleId id, const content::ArticleUpdate& u) {
  Database::Transaction tx(db_);
  auto st = db_.Prepare(
      "UPDATE articles SET title = ?2, markdown = ?3, html = ?4, excerpt = ?5, author = ?6, body_text = ?7, "
      "updated_at = ?8 WHERE id = ?1");
  st.Bind(1, id).Bind(2, u.title).Bind(3, u.markdown).Bind(4, u.html).Bind(5, u.excerpt).Bind(6, u.author);
  st.Bind(7, u.body_text).Bind(8, u.updated_at);
  if (auto r = st.Run(); !r) return r;
  if (RowsChanged(db_) == 0) return Error::NotFound("No such article.");
  auto old_tags = TagsOf(id);
  if (!old_tags) return old_tags.error();
  bool same = old_tags->size() == u.tags.size();
  for (std::size_t i = 0; same && i < u.tags.size(); ++i) same = (*old_tags)[i].slug == u.tags[i].slug;
  // Rewriting unchanged tags would re-index the article and invalidate its page for nothing.
  if (!same) {
    auto unlink = db_.Prepare("DELETE FROM article_tags WHERE article_id = ?1");
    unlink.Bind(1, id);
    if (auto r = unlink.Run(); !r) return r;
    if (auto r = LinkTags(id, u.tags); !r) return r;
  }
  if (auto r = LinkAuthors(id, u.authors); !r) return r;
  return tx.Commit();
}

Result<std::vector<content::Author>> ArticleStore::AuthorsOf(content::ArticleId id) const {
  auto st = db_.Prepare(
      "SELECT u.id, u.name, u.slug FROM article_authors x JOIN authors u ON u.id = x.author_id "
      "WHERE x.article_id = ?1 ORDER BY x.position");
  st.Bind(1, id);
  return st.Collect([](const Statement& s) { return content::Author{s.Int(0), s.Text(1), s.Text(2)}; });
}

Status ArticleStore::LinkAuthors(content::ArticleId id, const std::vector<content::Author>& authors) {
  auto old = AuthorsOf(id);
  if (!old) return old.error();
  bool same = old->size() == authors.size();
  for (std::size_t i = 0; same && i < authors.size(); ++i) same = (*old)[i].slug == authors[i].slug;
  if (same) return Status::Ok();  // rewriting would re-index the article and invalidate it for nothing
  auto unlink = db_.Prepare("DELETE FROM article_authors WHERE article_id = ?1");
  unlink.Bind(1, id);
  if (auto r = unlink.Run(); !r) return r;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    // The first name an author was credited under stays theirs (their page's heading).
    auto ensure = db_.Prepare("INSERT INTO authors (name, slug) VALUES (?1, ?2) ON CONFLICT (slug) DO NOTHING");
    ensure.Bind(1, authors[i].name).Bind(2, authors[i].slug);
    if (auto r = ensure.Run(); !r) return r;
    auto link = db_.Prepare(
        "INSERT INTO article_authors (article_id, position, author_id) "
        "SELECT ?1, ?2, id FROM authors WHERE slug = ?3");
    link.Bind(1, id).Bind(2, static_cast<std::int64_t>(i)).Bind(3, authors[i].slug);
    if (auto r = link.Run(); !r) return r;
  }
  return Status::Ok();
}

Status ArticleStore::LoadLists(Article& a) const {
  auto tags = TagsOf(a.id);
  if (!tags) return tags.error();
  a.tags = std::move(*tags);
  auto authors = AuthorsOf(a.id);
  if (!authors) return authors.error();
  a.authors = std::move(*authors);
  auto corrections = db_.Prepare(
      "SELECT note, created_at FROM article_corrections WHERE article_id = ?1 ORDER BY created_at, id");
  corrections.Bind(1, a.id);
  auto notes = corrections.Collect([](const Statement& s) { return content::Correction{s.Text(0), s.Int(1)}; });
  if (!notes) return notes.error();
  a.corrections = std::move(*notes);
  // An article stored before authors were people, or whose byline named no one: its byline text.
  if (a.authors.empty()) a.authors.push_back(content::Author{0, a.author, text::Slugify(a.author)});
  return Status::Ok();
}

namespace {

constexpr const char* kAuthorColumns =
    "SELECT u.id, u.name, u.slug, u.bio, u.photo_media_id, "
    "(SELECT COUNT(*) FROM article_authors x JOIN articles a ON a.id = x.article_id "
    "WHERE x.author_id = u.id AND a.status = 'published' AND a.kind = 'article') FROM authors u ";

content::AuthorProfile ReadAuthor(const Statement& st) {
  content::AuthorProfile p;
  p.author = content::Author{st.Int(0), st.Text(1), st.Text(2)};
  p.bio = st.Text(3);
  if (!st.IsNull(4)) p.photo_media_id = st.Int(4);
  p.published = static_cast<int>(st.Int(5));
  return p;
}

}  // namespace

Result<content::AuthorProfile> ArticleStore::FindAuthor(std::string_view slug) const {
  auto st = db_.Prepare(std::string(kAuthorColumns) + "WHERE u.slug = ?1");
  st.Bind(1, slug);
  return st.One(ReadAuthor, "No such author.");
}

Result<std::vector<content::AuthorProfile>> ArticleStore::ListAuthors() const {
  auto st = db_.Prepare(std::string(kAuthorColumns) + "ORDER BY u.name COLLATE NOCASE, u.id");
  auto all = st.Collect(ReadAuthor);
  if (!all) return all.error();
  std::erase_if(*all, [](const content::AuthorProfile& p) { return p.published == 0; });
  return all;
}

Status ArticleStore::SetAuthorProfile(std::string_view slug, std::string_view bio, std::optional<std::int64_t> photo) {
  auto st = db_.Prepare("UPDATE authors SET bio = ?2, photo_media_id = ?3 WHERE slug = ?1");
  st.Bind(1, slug).Bind(2, bio).Bind(3, photo);
  if (auto r = st.Run(); !r) return r;
  if (RowsChanged(db_) == 0) return Error::NotFound("No such author.");
  return Status::Ok();
}

Result<std::vector<Tag>> ArticleStore::TagsOf(content::ArticleId id) const {
  auto st = db_.Prepare(
      "SELECT t.id, t.name, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id "
      "WHERE at.article_id = ?1 ORDER BY at.position");
  st.Bind(1, id);
  return st.Collect(ReadTag);
}

Result<Article> ArticleStore::FindWhere(std::string_view column, std::int64_t id, std::string_view slug) const {
  const bool by_id = column == "id";
  auto st = db_.Prepare(by_id ? std::string(kArticleSelect) + "WHERE a.id = ?1"
                              : std::string(kArticleSelect) + "WHERE a.slug = ?1");
  if (by_id)
    st.Bind(1, id);
  else
    st.Bind(1, slug);
  auto found = st.One(ReadArticle, "No such article.");
  if (!found) return found.error();
  Article a = std::move(*found);
  if (auto st = LoadLists(a); !st) return st.error();
  return a;
}

Result<Article> ArticleStore::FindById(content::ArticleId id) const { return FindWhere("id", id, {}); }
Result<Article> ArticleStore::FindBySlug(std::string_view slug) const { return FindWhere("slug", 0, slug); }

Result<bool> ArticleStore::SlugExists(std::string_view slug) const {
  auto st = db_.Prepare("SELECT 1 FROM articles WHERE slug = ?1");
  st.Bind(1, slug);
  return st.Exists();
}

namespace {

// The WHERE clause of a list of published articles with the query's filters: the tag's slug is
// ?3 and the author's ?4 (BindFilters binds them).
std::string PublishedWhere(const content::ArticleQuery& q) {
  std::string where = " WHERE a.status = 'published' AND a.kind = 'article'";
  if (q.tag_slug)
    where += " AND a.id IN (SELECT x.article_id FROM article_tags x JOIN tags y ON y.id = x.tag_id WHERE y.slug = ?3)";
  if (q.author_slug)
    where +=
        " AND a.id IN (SELECT x.article_id FROM article_authors x JOIN authors y ON y.id = x.author_id "
        "WHERE y.slug = ?4)";
  return where;
}

void BindFilters(Statement& st, const content::ArticleQuery& q) {
  if (q.tag_slug) st.Bind(3, *q.tag_slug);
  if (q.author_slug) st.Bind(4, *q.author_slug);
}

// A summary with its featured image: the summary columns, then media_id, alt, caption (NULL when
// the article has none).
ArticleSummary ReadCard(const Statement& st) {
  ArticleSummary s = ReadSummary(st);
  s.featured_image = FeaturedImageAt(st, 9);
  return s;
}

}  // namespace

Result<std::vector<ArticleSummary>> ArticleStore::ListPublished(const content::ArticleQuery& q) const {
  // The featured image comes in the same query (at most one per article: article_id is its key).
  const std::string base = std::string("SELECT ") + kSummaryColumns +
                           ", fi.media_id, fi.alt, fi.caption FROM articles a " + kPrimaryTagJoin +
                           " LEFT JOIN article_featured_images fi ON fi.article_id = a.id";
  const std::string order = " ORDER BY a.published_at DESC, a.id DESC LIMIT ?1 OFFSET ?2";
  auto st = db_.Prepare(base + PublishedWhere(q) + order);
  st.Bind(1, std::int64_t{q.limit}).Bind(2, std::int64_t{q.offset});
  BindFilters(st, q);
  return st.Collect(ReadCard);
}

Result<std::vector<content::DatedSummary>> ArticleStore::ListPublishedBetween(UnixTime from, UnixTime to, int offset,
                                                                              int limit) const {
  auto st = db_.Prepare(std::string("SELECT ") + kSummaryColumns +
                        ", fi.media_id, fi.alt, fi.caption, a.updated_at FROM articles a " + kPrimaryTagJoin +
                        " LEFT JOIN article_featured_images fi ON fi.article_id = a.id WHERE a.status = 'published' "
                        "AND a.kind = 'article' AND a.published_at >= ?1 AND a.published_at < ?2 "
                        "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4");
  st.Bind(1, from).Bind(2, to).Bind(3, std::int64_t{limit}).Bind(4, std::int64_t{offset});
  return st.Collect([](const Statement& row) { return content::DatedSummary{ReadCard(row), row.Int(12)}; });
}

Result<std::vector<content::PublishedGroup>> ArticleStore::PublishedGroups(content::ArticleGrouping by) const {
  // key, name, count, latest update; BINARY collation orders keys bytewise.
  const char* sql = nullptr;
  switch (by) {
    case content::ArticleGrouping::kMonth:
      sql =
          "SELECT strftime('%Y-%m', published_at, 'unixepoch') AS k, NULL, COUNT(*), MAX(updated_at) FROM articles "
          "WHERE status = 'published' AND kind = 'article' GROUP BY k ORDER BY k";
      break;
    case content::ArticleGrouping::kTag:
      sql =
          "SELECT t.slug, t.name, COUNT(*), MAX(a.updated_at) FROM tags t JOIN article_tags x ON x.tag_id = t.id "
          "JOIN articles a ON a.id = x.article_id WHERE a.status = 'published' AND a.kind = 'article' "
          "GROUP BY t.id ORDER BY t.slug";
      break;
    case content::ArticleGrouping::kAuthor:
      sql =
          "SELECT u.slug, u.name, COUNT(*), MAX(a.updated_at) FROM authors u JOIN article_authors x "
          "ON x.author_id = u.id JOIN articles a ON a.id = x.article_id WHERE a.status = 'published' "
          "AND a.kind = 'article' GROUP BY u.id ORDER BY u.slug";
      break;
  }
  auto st = db_.Prepare(sql);
  return st.Collect([](const Statement& row) {
    return content::PublishedGroup{row.Text(0), row.IsNull(1) ? row.Text(0) : row.Text(1), static_cast<int>(row.Int(2)),
                                   row.Int(3)};
  });
}

Result<std::vector<content::DatedSummary>> ArticleStore::ListPublishedPages() const {
  auto st = db_.Prepare(std::string("SELECT ") + kSummaryColumns + ", a.updated_at FROM articles a " + kPrimaryTagJoin +
                        " WHERE a.status = 'published' AND a.kind = 'page' ORDER BY a.slug");
  return st.Collect([](const Statement& row) {
    content::DatedSummary d{ReadSummary(row), row.Int(9)};
    d.summary.kind = content::ArticleKind::kPage;
    return d;
  });
}

Result<int> ArticleStore::CountPublished(const content::ArticleQuery& q) const {
  auto st = db_.Prepare(std::string("SELECT COUNT(*) FROM articles a") + PublishedWhere(q));
  BindFilters(st, q);
  auto row = st.Step();
  if (!row) return row.error();
  return static_cast<int>(st.Int(0));
}

Result<std::vector<Article>> ArticleStore::ListAll(std::optional<ArticleStatus> status) const {
  auto st = db_.Prepare(status ? std::string(kArticleSelect) + "WHERE a.status = ?1 ORDER BY a.id"
                               : std::string(kArticleSelect) + "ORDER BY a.id");
  if (status) st.Bind(1, std::string_view(content::ToString(*status)));
  auto out = st.Collect(ReadArticle);
  if (!out) return out.error();
  for (auto& a : *out)
    if (auto st = LoadLists(a); !st) return st.error();
  return out;
}

Status ArticleStore::SetStatus(content::ArticleId id, ArticleStatus status, UnixTime published_at, UnixTime now) {
  auto st = db_.Prepare("UPDATE articles SET status = ?2, published_at = ?3, updated_at = ?4 WHERE id = ?1");
  st.Bind(1, id).Bind(2, std::string_view(content::ToString(status))).Bind(3, published_at).Bind(4, now);
  if (auto r = st.Run(); !r) return r;
  if (RowsChanged(db_) == 0) return Error::NotFound("No such article.");
  return Status::Ok();
}

Result<bool> ArticleStore::SetBodyText(content::ArticleId id, std::string_view body_text) {
  auto st = db_.Prepare("UPDATE articles SET body_text = ?2 WHERE id = ?1 AND body_text != ?2");
  st.Bind(1, id).Bind(2, body_text);
  if (auto r = st.Run(); !r) return r.error();
  return RowsChanged(db_) > 0;
}

Result<Tag> ArticleStore::FindTag(std::string_view slug) const {
  auto st = db_.Prepare("SELECT id, name, slug FROM tags WHERE slug = ?1");
  st.Bind(1, slug);
  return st.One(ReadTag, "No such tag.");
}

Result<std::vector<Tag>> ArticleStore::ListTags() const {
  auto st = db_.Prepare(
      "SELECT t.id, t.name, t.slug FROM tags t WHERE EXISTS (SELECT 1 FROM article_tags x JOIN articles a "
      "ON a.id = x.article_id WHERE x.tag_id = t.id AND a.status = 'published' AND a.kind = 'article') "
      "ORDER BY t.name COLLATE NOCASE");
  return st.Collect(ReadTag);
}

namespace {

constexpr const char* kTextColumns =
    "SELECT a.id, a.title, a.body_text, a.published_at, "
    "(SELECT group_concat(t.slug, char(10)) FROM article_tags x JOIN tags t ON t.id = x.tag_id "
    "WHERE x.article_id = a.id) FROM articles a WHERE a.status = 'published' AND a.kind = 'article'";

content::ArticleText ReadText(const Statement& st) {
  content::ArticleText t;
  t.id = st.Int(0);
  t.title = st.Text(1);
  t.plain_body = st.Text(2);
  t.published_at = st.Int(3);
  const std::string tags = st.Text(4);
  std::size_t start = 0;
  while (start < tags.size()) {
    std::size_t end = tags.find('\n', start);
    if (end == std::string::npos) end = tags.size();
    t.tag_slugs.push_back(tags.substr(start, end - start));
    start = end + 1;
  }
  return t;
}

}  // namespace

Result<std::vector<content::ArticleText>> ArticleStore::PublishedTexts() const {
  auto st = db_.Prepare(std::string(kTextColumns) + " ORDER BY a.id");
  return st.Collect(ReadText);
}

Result<std::optional<content::ArticleText>> ArticleStore::PublishedText(content::ArticleId id) const {
  auto st = db_.Prepare(std::string(kTextColumns) + " AND a.id = ?1");
  st.Bind(1, id);
  return st.First(ReadText);
}

Result<content::ArticleId> ArticleStore::FindIdByOldSlug(std::string_view slug) const {
  auto st = db_.Prepare("SELECT article_id FROM article_old_slugs WHERE slug = ?1");
  st.Bind(1, slug);
  return st.One([](const Statement& s) { return s.Int(0); }, "No article had this slug.");
}

}  // namespace gazette::storage::sqlite
