// MemoryArticleRepository: each call checks everything before it writes, so that a refused call
// changes nothing, as the SQLite store's transaction rolls back.
#include "testing/memory_article_repository.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <span>

#include "common/text.h"

namespace gazette::testing {

using content::Article;
using content::ArticleId;
using content::ArticleStatus;
using content::ArticleSummary;
using content::Tag;

namespace {

// A tag appears once per article (article_tags' primary key is (article_id, tag_id)).
Status CheckTagsDistinct(const std::vector<Tag>& tags) {
  std::set<std::string> slugs;
  for (const auto& t : tags)
    if (!slugs.insert(t.slug).second) return Error::Conflict("database: UNIQUE constraint failed: article_tags");
  return Status::Ok();
}

// The tag with this slug, created with this name when new (an existing tag keeps its name).
std::int64_t EnsureTag(Tables& t, const Tag& tag) {
  for (const auto& [id, existing] : t.tags)
    if (existing.slug == tag.slug) return id;
  const std::int64_t id = NextId(t.tags);
  t.tags[id] = Tag{id, tag.name, tag.slug};
  return id;
}

std::vector<std::int64_t> EnsureTags(Tables& t, const std::vector<Tag>& tags) {
  std::vector<std::int64_t> ids;
  for (const auto& tag : tags) ids.push_back(EnsureTag(t, tag));
  return ids;
}

bool HasTagSlug(const Tables& t, const ArticleRow& row, const std::string& slug) {
  return std::any_of(row.tag_ids.begin(), row.tag_ids.end(),
                     [&](std::int64_t id) { return t.tags.at(id).slug == slug; });
}

// The author with this slug, created with this name when new (an existing author keeps theirs).
std::vector<std::int64_t> EnsureAuthors(Tables& t, const std::vector<content::Author>& authors) {
  std::vector<std::int64_t> ids;
  for (const auto& author : authors) {
    std::int64_t found = 0;
    for (const auto& [id, existing] : t.authors)
      if (existing.author.slug == author.slug) found = id;
    if (!found) {
      found = NextId(t.authors);
      t.authors[found].author = content::Author{found, author.name, author.slug};
    }
    ids.push_back(found);
  }
  return ids;
}

bool HasAuthorSlug(const Tables& t, const ArticleRow& row, const std::string& slug) {
  return std::any_of(row.author_ids.begin(), row.author_ids.end(),
                     [&](std::int64_t id) { return t.authors.at(id).author.slug == slug; });
}

// What every list and count of published articles reads: pages are in none of them.
bool IsListed(const ArticleRow& row) { return row.article.IsPublished() && !row.article.IsPage(); }

bool Matches(const Tables& t, const ArticleRow& row, const content::ArticleQuery& q) {
  return IsListed(row) && (!q.tag_slug || HasTagSlug(t, row, *q.tag_slug)) &&
         (!q.author_slug || HasAuthorSlug(t, row, *q.author_slug));
}

// An author with the count of their published articles, as the store reads it.
content::AuthorProfile Counted(const Tables& t, const content::AuthorProfile& author) {
  content::AuthorProfile p = author;
  p.published = 0;
  for (const auto& [id, row] : t.articles)
    p.published += IsListed(row) && HasAuthorSlug(t, row, p.author.slug);
  return p;
}

const ArticleRow* FindBySlugIn(const Tables& t, std::string_view slug) {
  for (const auto& [id, row] : t.articles)
    if (row.article.slug == slug) return &row;
  return nullptr;
}


// The slugs in the order SQLite's group_concat reads them: by tag id (article_tags' key).
content::ArticleText TextOf(const Tables& t, const ArticleRow& row) {
  content::ArticleText text{row.article.id, row.article.title, row.body_text, {}, row.article.published_at};
  std::vector<std::int64_t> ids = row.tag_ids;
  std::sort(ids.begin(), ids.end());
  for (std::int64_t id : ids) text.tag_slugs.push_back(t.tags.at(id).slug);
  return text;
}

Error NoSuchArticle() { return Error::NotFound("No such article."); }

// ORDER BY published_at DESC, id DESC.
bool NewestFirst(const ArticleRow* a, const ArticleRow* b) {
  return std::pair(a->article.published_at, a->article.id) > std::pair(b->article.published_at, b->article.id);
}

// LIMIT `limit` OFFSET `offset`, as SQLite reads them: a negative OFFSET counts as 0 and a
// negative LIMIT as no limit.
std::span<const ArticleRow* const> Page(const std::vector<const ArticleRow*>& rows, int offset, int limit) {
  const std::size_t from = std::min<std::size_t>(rows.size(), std::max(0, offset));
  const std::size_t to = limit < 0 ? rows.size() : std::min(rows.size(), from + limit);
  return std::span<const ArticleRow* const>(rows).subspan(from, to - from);
}

}  // namespace

Result<Article> MemoryArticleRepository::Insert(const content::NewArticle& a) {
  return db_.With([&](Tables& t) -> Result<Article> {
    if (FindBySlugIn(t, a.slug)) return Error::Conflict("An article with this slug already exists.");
    if (auto st = CheckTagsDistinct(a.tags); !st) return st.error();
    ArticleRow row;
    row.article.id = NextId(t.articles);
    row.article.kind = a.kind;
    row.article.slug = a.slug;
    row.article.title = a.title;
    row.article.markdown = a.markdown;
    row.article.html = a.html;
    row.article.excerpt = a.excerpt;
    row.article.author = a.author;
    row.article.status = a.status;
    row.article.published_at = a.published_at;
    row.article.created_at = row.article.updated_at = a.created_at;
    row.body_text = a.body_text;
    row.tag_ids = EnsureTags(t, a.tags);
    row.author_ids = EnsureAuthors(t, a.authors);
    const ArticleId id = row.article.id;
    t.articles[id] = std::move(row);
    return t.LoadArticle(t.articles[id]);
  });
}

Result<Article> MemoryArticleRepository::FindById(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<Article> {
    const ArticleRow* row = t.FindArticle(id);
    if (!row) return NoSuchArticle();
    return t.LoadArticle(*row);
  });
}

Result<Article> MemoryArticleRepository::FindBySlug(std::string_view slug) const {
  return db_.With([&](const Tables& t) -> Result<Article> {
    const ArticleRow* row = FindBySlugIn(t, slug);
    if (!row) return NoSuchArticle();
    return t.LoadArticle(*row);
  });
}

Result<bool> MemoryArticleRepository::SlugExists(std::string_view slug) const {
  return db_.With([&](const Tables& t) -> Result<bool> { return FindBySlugIn(t, slug) != nullptr; });
}

Result<ArticleId> MemoryArticleRepository::FindIdByOldSlug(std::string_view slug) const {
  return db_.With([&](const Tables& t) -> Result<ArticleId> {
    auto it = t.old_slugs.find(std::string(slug));
    if (it == t.old_slugs.end()) return Error::NotFound("No article had this slug.");
    return it->second;
  });
}

Result<std::vector<ArticleSummary>> MemoryArticleRepository::ListPublished(const content::ArticleQuery& q) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<ArticleSummary>> {
    std::vector<const ArticleRow*> rows;
    for (const auto& [id, row] : t.articles)
      if (Matches(t, row, q)) rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), NewestFirst);
    std::vector<ArticleSummary> out;
    for (const ArticleRow* row : Page(rows, q.offset, q.limit)) out.push_back(t.Summary(*row, true));
    return out;
  });
}

Result<std::vector<content::DatedSummary>> MemoryArticleRepository::ListPublishedBetween(UnixTime from, UnixTime to,
                                                                                         int offset, int limit) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::DatedSummary>> {
    std::vector<const ArticleRow*> rows;
    for (const auto& [id, row] : t.articles)
      if (IsListed(row) && row.article.published_at >= from && row.article.published_at < to)
        rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), NewestFirst);
    std::vector<content::DatedSummary> out;
    for (const ArticleRow* row : Page(rows, offset, limit))
      out.push_back({t.Summary(*row, true), row->article.updated_at});
    return out;
  });
}

Result<std::vector<content::PublishedGroup>> MemoryArticleRepository::PublishedGroups(
    content::ArticleGrouping by) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::PublishedGroup>> {
    std::map<std::string, content::PublishedGroup> groups;  // by key: bytewise, as SQLite's BINARY
    auto add = [&](const std::string& key, const std::string& name, const Article& a) {
      auto [it, added] = groups.try_emplace(key, content::PublishedGroup{key, name, 0, a.updated_at});
      it->second.count++;
      it->second.updated_at = std::max(it->second.updated_at, a.updated_at);
    };
    for (const auto& [id, row] : t.articles) {
      const Article& a = row.article;
      if (!IsListed(row)) continue;
      if (by == content::ArticleGrouping::kMonth) {
        const CivilDate d = ToCivil(a.published_at);
        char key[16];
        std::snprintf(key, sizeof key, "%04d-%02d", d.year % 10000, d.month);
        add(key, key, a);
      } else if (by == content::ArticleGrouping::kTag) {
        for (std::int64_t tag : row.tag_ids) add(t.tags.at(tag).slug, t.tags.at(tag).name, a);
      } else {
        for (std::int64_t author : row.author_ids) add(t.authors.at(author).author.slug, t.authors.at(author).author.name, a);
      }
    }
    std::vector<content::PublishedGroup> out;
    for (auto& [key, group] : groups) out.push_back(std::move(group));
    return out;
  });
}

Result<std::vector<content::DatedSummary>> MemoryArticleRepository::ListPublishedPages() const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::DatedSummary>> {
    std::vector<const ArticleRow*> rows;
    for (const auto& [id, row] : t.articles)
      if (row.article.IsPublished() && row.article.IsPage()) rows.push_back(&row);
    std::sort(rows.begin(), rows.end(),
              [](const ArticleRow* a, const ArticleRow* b) { return a->article.slug < b->article.slug; });
    std::vector<content::DatedSummary> out;
    for (const ArticleRow* row : rows) out.push_back({t.Summary(*row, false), row->article.updated_at});
    return out;
  });
}

Result<int> MemoryArticleRepository::CountPublished(const content::ArticleQuery& q) const {
  return db_.With([&](const Tables& t) -> Result<int> {
    int n = 0;
    for (const auto& [id, row] : t.articles) n += Matches(t, row, q);
    return n;
  });
}

Result<content::AuthorProfile> MemoryArticleRepository::FindAuthor(std::string_view slug) const {
  return db_.With([&](const Tables& t) -> Result<content::AuthorProfile> {
    for (const auto& [id, author] : t.authors)
      if (author.author.slug == slug) return Counted(t, author);
    return Error::NotFound("No such author.");
  });
}

Result<std::vector<content::AuthorProfile>> MemoryArticleRepository::ListAuthors() const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::AuthorProfile>> {
    std::vector<content::AuthorProfile> out;
    for (const auto& [id, author] : t.authors)
      if (auto p = Counted(t, author); p.published > 0) out.push_back(std::move(p));
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return text::AsciiLower(a.author.name) < text::AsciiLower(b.author.name);
    });
    return out;
  });
}

Status MemoryArticleRepository::SetAuthorProfile(std::string_view slug, std::string_view bio,
                                                 std::optional<std::int64_t> photo) {
  return db_.With([&](Tables& t) -> Status {
    for (auto& [id, author] : t.authors)
      if (author.author.slug == slug) {
        author.bio = std::string(bio);
        author.photo_media_id = photo;
        return Status::Ok();
      }
    return Error::NotFound("No such author.");
  });
}

Result<std::vector<Article>> MemoryArticleRepository::ListAll(std::optional<ArticleStatus> status) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Article>> {
    std::vector<Article> out;
    for (const auto& [id, row] : t.articles)
      if (!status || row.article.status == *status) out.push_back(t.LoadArticle(row));
    return out;
  });
}

Status MemoryArticleRepository::SetStatus(ArticleId id, ArticleStatus status, UnixTime published_at, UnixTime now) {
  return db_.With([&](Tables& t) -> Status {
    auto it = t.articles.find(id);
    if (it == t.articles.end()) return NoSuchArticle();
    it->second.article.status = status;
    it->second.article.published_at = published_at;
    it->second.article.updated_at = now;
    return Status::Ok();
  });
}

Status MemoryArticleRepository::Update(ArticleId id, const content::ArticleUpdate& u) {
  return db_.With([&](Tables& t) -> Status {
    auto it = t.articles.find(id);
    if (it == t.articles.end()) return NoSuchArticle();
    if (auto st = CheckTagsDistinct(u.tags); !st) return st;
    Article& a = it->second.article;
    a.title = u.title;
    a.markdown = u.markdown;
    a.html = u.html;
    a.excerpt = u.excerpt;
    a.author = u.author;
    a.updated_at = u.updated_at;
    it->second.body_text = u.body_text;
    // Like the store, unchanged tags (the same slugs in the same order) are left as they are.
    std::vector<std::string> old_slugs, new_slugs;
    for (std::int64_t tag : it->second.tag_ids) old_slugs.push_back(t.tags.at(tag).slug);
    for (const auto& tag : u.tags) new_slugs.push_back(tag.slug);
    if (old_slugs != new_slugs) it->second.tag_ids = EnsureTags(t, u.tags);
    it->second.author_ids = EnsureAuthors(t, u.authors);
    return Status::Ok();
  });
}

Result<bool> MemoryArticleRepository::SetBodyText(ArticleId id, std::string_view body_text) {
  return db_.With([&](Tables& t) -> Result<bool> {
    auto it = t.articles.find(id);
    if (it == t.articles.end() || it->second.body_text == body_text) return false;
    it->second.body_text = std::string(body_text);
    return true;
  });
}

Result<Tag> MemoryArticleRepository::FindTag(std::string_view slug) const {
  return db_.With([&](const Tables& t) -> Result<Tag> {
    for (const auto& [id, tag] : t.tags)
      if (tag.slug == slug) return tag;
    return Error::NotFound("No such tag.");
  });
}

Result<std::vector<Tag>> MemoryArticleRepository::ListTags() const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Tag>> {
    std::set<std::int64_t> used;
    for (const auto& [id, row] : t.articles)
      if (IsListed(row)) used.insert(row.tag_ids.begin(), row.tag_ids.end());
    std::vector<Tag> out;
    for (std::int64_t id : used) out.push_back(t.tags.at(id));
    // ORDER BY name COLLATE NOCASE: ASCII letters without case.
    std::stable_sort(out.begin(), out.end(),
                     [](const Tag& a, const Tag& b) { return text::AsciiLower(a.name) < text::AsciiLower(b.name); });
    return out;
  });
}

Result<std::vector<content::ArticleText>> MemoryArticleRepository::PublishedTexts() const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::ArticleText>> {
    std::vector<content::ArticleText> out;
    for (const auto& [id, row] : t.articles)
      if (IsListed(row)) out.push_back(TextOf(t, row));
    return out;
  });
}

Result<std::optional<content::ArticleText>> MemoryArticleRepository::PublishedText(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<std::optional<content::ArticleText>> {
    const ArticleRow* row = t.FindArticle(id);
    if (!row || !IsListed(*row)) return std::optional<content::ArticleText>();
    return std::optional<content::ArticleText>(TextOf(t, *row));
  });
}

}  // namespace gazette::testing
