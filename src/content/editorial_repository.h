// EditorialRepository: the newsroom's state kept beside each article (owner, schedule, trash,
// revisions), and the two article fields only editors change (slug, custom excerpt).
// Implemented in storage/.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "content/article.h"

namespace gazette::content {

// A saved version of an article's text.
struct Revision {
  std::int64_t id = 0;
  ArticleId article_id = 0;
  std::string title, markdown, excerpt, author;
  std::vector<std::string> tags;  // names, the primary first
  std::int64_t user_id = 0;       // who saved it (0: unknown)
  UnixTime created_at = 0;
  std::string correction;  // the correction note added with this save, if any
};

// Implementations are thread-safe.
class EditorialRepository {
 public:
  virtual ~EditorialRepository() = default;

  // Owners are user ids (0: none, e.g. imported articles).
  virtual Status SetOwner(ArticleId id, std::int64_t user) = 0;
  virtual Result<std::int64_t> Owner(ArticleId id) const = 0;
  virtual Result<std::map<ArticleId, std::int64_t>> Owners() const = 0;

  virtual Status Schedule(ArticleId id, UnixTime at) = 0;
  virtual Status Unschedule(ArticleId id) = 0;
  // Every scheduled article and its time.
  virtual Result<std::map<ArticleId, UnixTime>> Schedules() const = 0;

  virtual Status Trash(ArticleId id, UnixTime now) = 0;
  virtual Status Restore(ArticleId id) = 0;
  virtual Result<std::set<ArticleId>> Trashed() const = 0;

  virtual Result<Revision> AddRevision(const Revision& revision) = 0;
  // The article's revisions, newest first.
  virtual Result<std::vector<Revision>> Revisions(ArticleId id) const = 0;
  // kNotFound when there is no such revision.
  virtual Result<Revision> FindRevision(std::int64_t revision_id) const = 0;

  // kConflict when another article has the slug.
  virtual Status SetSlug(ArticleId id, std::string_view slug) = 0;
  virtual Status SetExcerpt(ArticleId id, std::string_view excerpt) = 0;
  // Adds a correction note to the article (dated `at`). kNotFound if there is no such article.
  virtual Status AddCorrection(ArticleId id, std::string_view note, UnixTime at) = 0;
  // Replaces the rendered HTML (after an HtmlFilter rewrote it).
  virtual Status SetHtml(ArticleId id, std::string_view html) = 0;
  // Sets or (nullopt) removes the featured image. kInvalidArgument (field "featured_image") when
  // the media library has no such image.
  virtual Status SetFeaturedImage(ArticleId id, const std::optional<FeaturedImage>& image) = 0;
};

}  // namespace gazette::content
