// ArticleStore: content::ArticleRepository on SQLite.
#pragma once

#include "content/article_repository.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class ArticleStore final : public content::ArticleRepository {
 public:
  explicit ArticleStore(Database& db) : db_(db) {}

  Result<content::Article> Insert(const content::NewArticle& article) override;
  Result<content::Article> FindById(content::ArticleId id) const override;
  Result<content::Article> FindBySlug(std::string_view slug) const override;
  Result<bool> SlugExists(std::string_view slug) const override;
  Result<content::ArticleId> FindIdByOldSlug(std::string_view slug) const override;
  Result<std::vector<content::ArticleSummary>> ListPublished(const content::ArticleQuery& query) const override;
  Result<int> CountPublished(const content::ArticleQuery& query) const override;
  Result<std::vector<content::Article>> ListAll(std::optional<content::ArticleStatus> status) const override;
  Status SetStatus(content::ArticleId id, content::ArticleStatus status, UnixTime published_at, UnixTime now) override;
  Status Update(content::ArticleId id, const content::ArticleUpdate& update) override;
  Result<bool> SetBodyText(content::ArticleId id, std::string_view body_text) override;
  Result<content::Tag> FindTag(std::string_view slug) const override;
  Result<std::vector<content::Tag>> ListTags() const override;
  Result<content::AuthorProfile> FindAuthor(std::string_view slug) const override;
  Result<std::vector<content::AuthorProfile>> ListAuthors() const override;
  Status SetAuthorProfile(std::string_view slug, std::string_view bio, std::optional<std::int64_t> photo) override;
  Result<std::vector<content::ArticleText>> PublishedTexts() const override;
  Result<std::optional<content::ArticleText>> PublishedText(content::ArticleId id) const override;
  Result<std::vector<content::DatedSummary>> ListPublishedBetween(UnixTime from, UnixTime to, int offset,
                                                                  int limit) const override;
  Result<std::vector<content::PublishedGroup>> PublishedGroups(content::ArticleGrouping by) const override;
  Result<std::vector<content::DatedSummary>> ListPublishedPages() const override;

 private:
  Result<content::Article> FindWhere(std::string_view column, std::int64_t id, std::string_view slug) const;
  Result<std::vector<content::Tag>> TagsOf(content::ArticleId id) const;
  Result<std::int64_t> EnsureTag(const content::Tag& tag);
  Status LinkTags(content::ArticleId id, const std::vector<content::Tag>& tags);
  Result<std::vector<content::Author>> AuthorsOf(content::ArticleId id) const;
  // Tags and authors, read after the article's row.
  Status LoadLists(content::Article& a) const;
  // Credits `authors` (created when new, found by slug) on the article, in order, replacing
  // whatever it credited before when they differ.
  Status LinkAuthors(content::ArticleId id, const std::vector<content::Author>& authors);

  Database& db_;
};

// Reads the summary columns (id, slug, title, excerpt, author, published_at, tag id, tag name,
// tag slug) starting at column 0. Shared with the related store.
content::ArticleSummary ReadSummary(const Statement& st);
inline constexpr const char* kSummaryColumns =
    "a.id, a.slug, a.title, a.excerpt, a.author, a.published_at, t.id, t.name, t.slug";
inline constexpr const char* kPrimaryTagJoin =
    "LEFT JOIN article_tags at ON at.article_id = a.id AND at.position = 0 LEFT JOIN tags t ON t.id = at.tag_id";

}  // namespace gazette::storage::sqlite
