// EditorialService: the newsroom's workflow over ArticleService: drafts, scheduled publishing,
// the trash, revisions, and the admin's filtered article list. Role rules are the caller's
// (admin/ checks accounts/user.h); this layer keeps the article states consistent.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/article_service.h"
#include "content/editorial_repository.h"

namespace gazette::content {

// What the admin shows of an article's state. A scheduled article is a draft with a time.
enum class EditorialState { kDraft, kScheduled, kPublished, kTrash };
const char* ToString(EditorialState s);
std::optional<EditorialState> ParseEditorialState(std::string_view s);

struct EditorialArticle {
  Article article;
  EditorialState state = EditorialState::kDraft;
  UnixTime scheduled_at = 0;  // when state is kScheduled
  std::int64_t owner = 0;
};

struct EditorialFilter {
  std::optional<EditorialState> state;  // none: everything but the trash
  std::string tag_slug;                 // "": any
  std::string author;                   // "": any; else one of the authors, by name (without case) or slug
  std::string query;                    // "": any; else words that must all be in the headline
  ArticleKind kind = ArticleKind::kArticle;  // the admin lists articles and pages apart
};

struct EditorialCounts {
  int drafts = 0, scheduled = 0, published = 0, trash = 0;
};

// The text fields an editor saves, all at once (the admin's editor form, the API's PATCH).
struct ArticleChanges {
  std::optional<std::string> title, markdown, excerpt, slug;
  std::optional<std::string> correction;  // a correction note to add (published articles; "" adds none)
  std::optional<std::vector<std::string>> authors;  // names in byline order
  std::optional<std::vector<std::string>> tags;     // names; the first is the primary tag
  std::optional<FeaturedImage> featured_image;   // a media_id of 0 removes the image
};

// The featured image with its words cleaned (whitespace collapsed), or kInvalidArgument naming
// the field: "featured_alt" without a description or over 300 bytes, "featured_caption" over 600.
Result<FeaturedImage> CheckFeaturedImage(const FeaturedImage& image);

class EditorialService {
 public:
  // REQUIRES: everything outlives the service.
  EditorialService(ArticleService& articles, ArticleRepository& store, EditorialRepository& editorial,
                   const Clock& clock)
      : articles_(articles), store_(store), editorial_(editorial), clock_(clock) {}

  // Rewrites an article's rendered HTML after each save (e.g. responsive images).
  using HtmlFilter = std::function<std::string(const std::string& html)>;
  void SetHtmlFilter(HtmlFilter filter) { html_filter_ = std::move(filter); }

  // Creates a draft owned by `owner`, with a first revision. kInvalidArgument names the field.
  Result<Article> Create(const ArticleDraft& draft, std::int64_t owner);
  // Applies the changes and keeps a revision. kNotFound, kInvalidArgument, kConflict (slug). A
  // page's slug is its path (content/pages.h: ParsePagePath).
  Status Save(ArticleId id, const ArticleChanges& changes, std::int64_t user);
  // Sets the featured image (a media_id of 0 removes it). kInvalidArgument names the field:
  // "featured_alt" without a description, "featured_image" for an image not in the library.
  Status SetFeaturedImage(ArticleId id, const FeaturedImage& image);

  Result<EditorialArticle> Get(ArticleId id) const;
  Result<std::vector<EditorialArticle>> List(const EditorialFilter& filter) const;
  Result<EditorialCounts> Counts(ArticleKind kind = ArticleKind::kArticle) const;

  // Publishes now (keeping an earlier publication date). Leaves the trash.
  Status PublishNow(ArticleId id);
  // Makes the article a draft that goes live at `at` (kInvalidArgument if not in the future).
  Status Schedule(ArticleId id, UnixTime at);
  // Back to draft: unpublished and unscheduled.
  Status Unpublish(ArticleId id);
  // Publishes every scheduled article whose time has come; returns how many.
  Result<int> PublishDue();
  Status Trash(ArticleId id);
  // Out of the trash, as a draft.
  Status Restore(ArticleId id);

  Result<std::vector<Revision>> Revisions(ArticleId id) const { return editorial_.Revisions(id); }
  Result<Revision> GetRevision(ArticleId id, std::int64_t revision_id) const;
  // Saves the revision's text as the article's (itself a new revision).
  Status RestoreRevision(ArticleId id, std::int64_t revision_id, std::int64_t user);

 private:
  // Saves the article as it now is, with the correction note added by this save (if any).
  Status KeepRevision(ArticleId id, std::int64_t user, const std::string& correction = "");
  Status FilterHtml(ArticleId id);

  ArticleService& articles_;
  ArticleRepository& store_;
  EditorialRepository& editorial_;
  const Clock& clock_;
  HtmlFilter html_filter_;
};

}  // namespace gazette::content
