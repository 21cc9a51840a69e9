// Articles and tags: what the newsroom publishes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace gazette::content {

using ArticleId = std::int64_t;

enum class ArticleStatus { kDraft, kPublished };

const char* ToString(ArticleStatus s);
std::optional<ArticleStatus> ParseArticleStatus(std::string_view s);

// An article is news: dated, in lists, feeds and related lists. A page ("About", "Contact") is
// written and published the same way but lives at /SLUG/ (a slug that may be a nested path,
// content/pages.h) and appears only in the sitemap and the footer menu.
enum class ArticleKind { kArticle, kPage };

const char* ToString(ArticleKind k);  // "article", "page"
std::optional<ArticleKind> ParseArticleKind(std::string_view s);

struct Tag {
  std::int64_t id = 0;
  std::string name;  // as written: "cyber agreement"
  std::string slug;  // as in URLs: "cyber-agreement"
};

// A person credited in a byline. Their page is /author/SLUG/; the slug is made from the name
// the first time it appears and stays theirs.
struct Author {
  std::int64_t id = 0;
  std::string name;  // as in the byline: "Amira Haddad"
  std::string slug;  // as in URLs: "amira-haddad"
};

// An author's page: who they are, beside the articles they wrote.
struct AuthorProfile {
  Author author;
  std::string bio;                          // plain text, a few sentences
  std::optional<std::int64_t> photo_media_id;  // an image of the media library, if any
  int published = 0;                        // how many published articles credit them
};
// Bylines and author pages: content/authors.h.

// A correction an editor added to a published article: shown at its foot with its date, listed
// in feeds' updated times, never edited away.
struct Correction {
  std::string note;  // plain text
  UnixTime at = 0;
};

// An image from the media library shown at the top of an article, with the article's own words
// for it (the same photograph may need another description in another story).
struct FeaturedImage {
  std::int64_t media_id = 0;
  std::string alt;      // what the image shows, for readers who cannot see it (required)
  std::string caption;  // shown under the image: context, credit (optional)
};

struct Article {
  ArticleId id = 0;
  std::string slug;  // a page's may be a path: "about/team"
  std::string title;
  std::string markdown;  // what the author wrote
  std::string html;      // markdown rendered, safe to embed
  std::string excerpt;   // plain text, the start of the article (or a custom excerpt)
  std::string author;    // the byline as text: Byline(authors)
  std::vector<Author> authors;  // every author, in byline order (at least one)
  ArticleStatus status = ArticleStatus::kDraft;
  UnixTime published_at = 0;  // 0 while never published
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  std::vector<Tag> tags;  // the primary tag first
  std::optional<FeaturedImage> featured_image;
  std::vector<Correction> corrections;  // oldest first
  ArticleKind kind = ArticleKind::kArticle;

  const Tag* PrimaryTag() const { return tags.empty() ? nullptr : &tags.front(); }
  bool IsPublished() const { return status == ArticleStatus::kPublished; }
  bool IsPage() const { return kind == ArticleKind::kPage; }
};

// Edits within this long of publishing are part of publishing: the article is not "updated".
inline constexpr UnixTime kEditGraceSeconds = 300;
// When the article last changed after it was published (or imported): its updated time if it was
// edited later than kEditGraceSeconds after both, else its publish time. Pages ("Updated"),
// structured data (dateModified), Open Graph and feeds all say this one time.
UnixTime LastEdited(const Article& a);
inline bool WasUpdated(const Article& a) { return LastEdited(a) != a.published_at; }

// What lists show: no body.
struct ArticleSummary {
  ArticleId id = 0;
  std::string slug;
  std::string title;
  std::string excerpt;
  std::string author;  // the byline as text: "A and B"
  UnixTime published_at = 0;
  std::optional<Tag> primary_tag;
  // Loaded for the home page and archives (their cards show it); absent in related lists and
  // search results.
  std::optional<FeaturedImage> featured_image;
  ArticleKind kind = ArticleKind::kArticle;  // lists of articles hold only articles
};

// What an author submits; the service derives the rest.
struct ArticleDraft {
  std::string title;
  std::string markdown;
  std::vector<std::string> authors;  // names in byline order; none: "Staff"
  std::vector<std::string> tags;     // names; the first is the primary tag
  ArticleStatus status = ArticleStatus::kDraft;
  std::optional<UnixTime> published_at;  // defaults to now when published
  std::string slug;  // empty: generated from the title; a page's may be a path (content/pages.h)
  std::string excerpt;                   // empty: taken from the body
  ArticleKind kind = ArticleKind::kArticle;
};

// An article ready to store: slug unique, html rendered.
struct NewArticle {
  std::string slug, title, markdown, html, excerpt;
  std::string author;           // Byline(authors)
  std::vector<Author> authors;  // names and slugs; ids assigned by the repository
  std::string body_text;  // the body as plain text, for search and relatedness
  ArticleStatus status = ArticleStatus::kDraft;
  UnixTime published_at = 0;
  UnixTime created_at = 0;
  std::vector<Tag> tags;  // names and slugs; ids assigned by the repository
  ArticleKind kind = ArticleKind::kArticle;
};

// An editor's change to an article; fields left empty keep their value. The slug never changes,
// so that links keep working.
struct ArticleEdit {
  std::optional<std::string> title;
  std::optional<std::string> markdown;
  std::optional<std::vector<std::string>> tags;  // names; the first is the primary tag
  std::optional<std::vector<std::string>> authors;  // names in byline order
};

// The stored form of an edit: every field derived and validated.
struct ArticleUpdate {
  std::string title, markdown, html, excerpt, author, body_text;  // author: Byline(authors)
  std::vector<Author> authors;
  std::vector<Tag> tags;
  UnixTime updated_at = 0;
};

}  // namespace gazette::content
