// MemoryArticleRepository: content::ArticleRepository in memory, with the meaning of
// storage/sqlite/article_store.cc (ordering, error codes, tags shared by slug).
#pragma once

#include "content/article_repository.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository.
class MemoryArticleRepository final : public content::ArticleRepository {
 public:
  explicit MemoryArticleRepository(MemoryDatabase& db) : db_(db) {}

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
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
