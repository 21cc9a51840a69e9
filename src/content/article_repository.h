// ArticleRepository: where articles and tags are kept. Implemented in storage/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "content/article.h"

namespace gazette::content {

// Which published articles a list shows, newest first. Every list and count of published
// "articles" in this interface leaves pages out (ArticleKind::kPage): pages are reached by their
// path, the sitemap (ListPublishedPages) and the footer menu, never by lists, feeds, search or
// related lists.
struct ArticleQuery {
  std::optional<std::string> tag_slug;  // only articles with this tag
  int offset = 0;
  int limit = 10;
  std::optional<std::string> author_slug;  // only articles this author is credited on
};

// The words of a published article, for relatedness scoring. plain_body is plain text.
struct ArticleText {
  ArticleId id = 0;
  std::string title;
  std::string plain_body;
  std::vector<std::string> tag_slugs;
  UnixTime published_at = 0;
};

// A published article as a sitemap lists it: what lists show (with the featured image) and when
// it last changed.
struct DatedSummary {
  ArticleSummary summary;
  UnixTime updated_at = 0;
};

// How PublishedGroups groups the published articles.
enum class ArticleGrouping { kMonth, kTag, kAuthor };

// Published articles that share a month of publication, a tag or a byline.
struct PublishedGroup {
  std::string key;          // "2026-12" (the month in UTC), the tag's or the author's slug
  std::string name;         // the tag's or author's name; the key itself for months
  int count = 0;            // how many published articles are in it
  UnixTime updated_at = 0;  // the latest updated_at among them
};

// Implementations are thread-safe.
class ArticleRepository {
 public:
  virtual ~ArticleRepository() = default;

  // Stores a new article with its tags (created when new). Returns it with ids set;
  // kConflict if the slug is taken.
  virtual Result<Article> Insert(const NewArticle& article) = 0;
  // kNotFound if no article has this id / slug, whatever its status.
  virtual Result<Article> FindById(ArticleId id) const = 0;
  virtual Result<Article> FindBySlug(std::string_view slug) const = 0;
  virtual Result<bool> SlugExists(std::string_view slug) const = 0;
  // The article that had `slug` before its slug was changed; kNotFound if none did.
  virtual Result<ArticleId> FindIdByOldSlug(std::string_view slug) const = 0;
  // Published articles, newest first, and how many match in all.
  virtual Result<std::vector<ArticleSummary>> ListPublished(const ArticleQuery& query) const = 0;
  // How many published articles match the query's filters (its offset and limit aside).
  virtual Result<int> CountPublished(const ArticleQuery& query) const = 0;
  // Every article and page of any status (or of `status`), oldest first: for operators' tools.
  virtual Result<std::vector<Article>> ListAll(std::optional<ArticleStatus> status) const = 0;
  // Sets status and publish time. kNotFound if there is no such article.
  virtual Status SetStatus(ArticleId id, ArticleStatus status, UnixTime published_at, UnixTime now) = 0;
  // Replaces the article's title, text, author and tags in one transaction (the search index
  // follows in the same transaction). kNotFound if there is no such article.
  virtual Status Update(ArticleId id, const ArticleUpdate& update) = 0;
  // Stores the plain text of the article's body if it differs; returns whether it did.
  virtual Result<bool> SetBodyText(ArticleId id, std::string_view body_text) = 0;
  virtual Result<Tag> FindTag(std::string_view slug) const = 0;
  // Tags that at least one published article carries, by name.
  virtual Result<std::vector<Tag>> ListTags() const = 0;
  // The author with this slug, with the count of their published articles; kNotFound if no
  // article ever credited them.
  virtual Result<AuthorProfile> FindAuthor(std::string_view slug) const = 0;
  // Authors of at least one published article, by name.
  virtual Result<std::vector<AuthorProfile>> ListAuthors() const = 0;
  // Replaces an author's biography and photo. kNotFound if there is no such author.
  virtual Status SetAuthorProfile(std::string_view slug, std::string_view bio, std::optional<std::int64_t> photo) = 0;
  // The words of every published article, by id.
  virtual Result<std::vector<ArticleText>> PublishedTexts() const = 0;
  // The words of one article if it is published; nullopt if it is a draft or does not exist.
  virtual Result<std::optional<ArticleText>> PublishedText(ArticleId id) const = 0;
  // Published articles with `from` <= published_at < `to`, newest first (then by id, highest
  // first), skipping `offset` and returning at most `limit`.
  virtual Result<std::vector<DatedSummary>> ListPublishedBetween(UnixTime from, UnixTime to, int offset,
                                                                 int limit) const = 0;
  // Published pages, by path (bytewise), each with its last change (featured images not loaded).
  virtual Result<std::vector<DatedSummary>> ListPublishedPages() const = 0;
  // The groups of published articles, by key (bytewise, so months run oldest first). Articles
  // with an empty byline are in no author group.
  virtual Result<std::vector<PublishedGroup>> PublishedGroups(ArticleGrouping by) const = 0;
};

}  // namespace gazette::content
