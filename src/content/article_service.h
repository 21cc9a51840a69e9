// ArticleService: the newsroom's rules for writing, publishing and listing articles.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "content/article.h"
#include "content/article_repository.h"

namespace gazette::content {

struct ArticleList {
  std::vector<ArticleSummary> items;
  int page = 1;
  int total_pages = 1;
  int total = 0;
};

// An author of published articles, as author pages and sitemaps name them.
struct AuthorListing {
  std::string name;         // as a byline writes it
  std::string slug;         // their page is /author/SLUG/
  UnixTime updated_at = 0;  // the latest change to one of their published articles
};


class ArticleService {
 public:
  // Called after an article is created, edited, published or unpublished, with its id.
  using ChangeListener = std::function<void(ArticleId)>;

  // REQUIRES: `articles` and `clock` outlive the service.
  ArticleService(ArticleRepository& articles, const Clock& clock) : articles_(articles), clock_(clock) {}

  void OnChange(ChangeListener listener) { listeners_.push_back(std::move(listener)); }

  // Validates, renders the Markdown, makes the slug unique and stores the article (or page, by
  // draft.kind). kInvalidArgument names the field at fault; kConflict for a page path taken.
  Result<Article> Create(const ArticleDraft& draft);
  // Applies an editor's change (validated like Create; the slug stays). kNotFound, kInvalidArgument.
  Status Update(ArticleId id, const ArticleEdit& edit);
  Status Publish(ArticleId id, std::optional<UnixTime> at = std::nullopt);
  // Derives every article's plain text from its Markdown again (after an upgrade of the
  // renderer, or for articles stored before plain text was kept). Returns how many changed.
  Result<int> RefreshPlainText();
  Status Unpublish(ArticleId id);

  // The published article with this slug; kNotFound for drafts and unknown slugs.
  Result<Article> GetPublished(std::string_view slug) const;
  // The published page at this path ("about/team"); kNotFound for drafts, articles and unknown paths.
  Result<Article> GetPublishedPage(std::string_view path) const;
  // Every published page, by path, with its last change: for sitemaps.
  Result<std::vector<DatedSummary>> PublishedPages() const { return articles_.ListPublishedPages(); }
  // The published article that has this slug now or had it before an editor changed it (so
  // that old links can be redirected); kNotFound otherwise.
  Result<Article> GetPublishedByAnySlug(std::string_view slug) const;
  Result<Article> Get(ArticleId id) const { return articles_.FindById(id); }

  // Page `page` (from 1) of published articles, optionally of one tag; kNotFound past the last page.
  Result<ArticleList> ListPublished(int page, int page_size, const std::optional<std::string>& tag_slug) const;
  // The same with the filters of `filter` (tag, author); its offset and limit are ignored.
  Result<ArticleList> ListPublished(int page, int page_size, ArticleQuery filter) const;
  Result<Tag> GetTag(std::string_view slug) const { return articles_.FindTag(slug); }
  // Tags of published articles, by name.
  Result<std::vector<Tag>> ListTags() const { return articles_.ListTags(); }
  Result<AuthorProfile> GetAuthor(std::string_view slug) const { return articles_.FindAuthor(slug); }
  Result<std::vector<AuthorProfile>> ListAuthors() const { return articles_.ListAuthors(); }
  // Sets an author's biography (plain text, at most kMaxBioChars) and photo (a media id or none).
  // kInvalidArgument, kNotFound.
  Status UpdateAuthorProfile(std::string_view slug, std::string_view bio, std::optional<std::int64_t> photo);

  // The authors of a byline: names validated, slugs made; "Staff" when there are none.
  // kInvalidArgument names the field "authors".
  static Result<std::vector<Author>> AuthorsFromNames(const std::vector<std::string>& names);
  // The tags `names` become: whitespace collapsed, slugged, repeats and empty slugs dropped.
  static std::vector<Tag> TagsFromNames(const std::vector<std::string>& names);

  // For sitemaps. The months in which articles were published (key "2026-12", UTC), oldest
  // first; the tags of published articles, by slug. Each with its count and latest update.
  Result<std::vector<PublishedGroup>> PublishedMonths() const {
    return articles_.PublishedGroups(ArticleGrouping::kMonth);
  }
  Result<std::vector<PublishedGroup>> PublishedTags() const { return articles_.PublishedGroups(ArticleGrouping::kTag); }
  // The articles published in a month (UTC), newest first, from `offset`, at most `limit`;
  // kInvalidArgument for a month that does not exist.
  Result<std::vector<DatedSummary>> ListPublishedInMonth(int year, int month, int offset, int limit) const;
  // The authors of published articles, by slug, each with the latest update of their articles.
  Result<std::vector<AuthorListing>> PublishedAuthors() const;
  // The articles published in the `window` seconds up to now by the clock (a future-dated
  // article is not yet among them), newest first, at most `limit`.
  Result<std::vector<DatedSummary>> RecentlyPublished(UnixTime window, int limit) const;

  static constexpr std::size_t kMaxTitleChars = 300;
  static constexpr std::size_t kExcerptChars = 300;
  static constexpr std::size_t kMaxBioChars = 2000;
  static constexpr std::size_t kMaxAuthors = 10;

 private:
  static Status Validate(const std::string& title, std::string_view markdown);
  Result<std::string> UniqueSlug(std::string_view wanted, std::string_view title) const;
  // A page's path (content/pages.h): kInvalidArgument, or kConflict when a wanted path is taken.
  Result<std::string> PageSlug(std::string_view wanted, std::string_view title) const;
  void Notify(ArticleId id) const;

  ArticleRepository& articles_;
  const Clock& clock_;
  std::vector<ChangeListener> listeners_;
};

}  // namespace gazette::content
