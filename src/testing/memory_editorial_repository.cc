// MemoryEditorialRepository: small maps keyed by article id; the slug lives in the article's row.
#include "testing/memory_editorial_repository.h"

#include "common/text.h"

namespace gazette::testing {

using content::ArticleId;
using content::Revision;

namespace {

// The store keeps a revision's tags as lines and reads them back trimmed, without empty ones.
std::vector<std::string> AsStoredTags(const std::vector<std::string>& tags) {
  std::string lines;
  for (const auto& t : tags) lines += (lines.empty() ? "" : "\n") + t;
  return text::SplitTrimmed(lines, '\n');
}

// Sets `id`'s value in one of the maps keyed by article id, if the article exists.
template <class Map, class Value>
Status Upsert(Tables& t, Map& map, ArticleId id, Value value) {
  if (!t.HasArticle(id)) return ForeignKeyFailed();
  map[id] = value;
  return Status::Ok();
}

}  // namespace

Status MemoryEditorialRepository::SetOwner(ArticleId id, std::int64_t user) {
  // The store binds 0 as a user id, not NULL, so "no owner" is refused like an unknown user.
  return db_.With([&](Tables& t) -> Status {
    if (!t.HasUser(user)) return ForeignKeyFailed();
    return Upsert(t, t.owners, id, user);
  });
}

Result<std::int64_t> MemoryEditorialRepository::Owner(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<std::int64_t> {
    auto it = t.owners.find(id);
    return it == t.owners.end() ? 0 : it->second;
  });
}

Result<std::map<ArticleId, std::int64_t>> MemoryEditorialRepository::Owners() const {
  return db_.With([](const Tables& t) -> Result<std::map<ArticleId, std::int64_t>> { return t.owners; });
}

Status MemoryEditorialRepository::Schedule(ArticleId id, UnixTime at) {
  return db_.With([&](Tables& t) { return Upsert(t, t.schedule, id, at); });
}

Status MemoryEditorialRepository::Unschedule(ArticleId id) {
  return db_.With([&](Tables& t) -> Status {
    t.schedule.erase(id);
    return Status::Ok();
  });
}

Result<std::map<ArticleId, UnixTime>> MemoryEditorialRepository::Schedules() const {
  return db_.With([](const Tables& t) -> Result<std::map<ArticleId, UnixTime>> { return t.schedule; });
}

Status MemoryEditorialRepository::Trash(ArticleId id, UnixTime now) {
  return db_.With([&](Tables& t) { return Upsert(t, t.trash, id, now); });
}

Status MemoryEditorialRepository::Restore(ArticleId id) {
  return db_.With([&](Tables& t) -> Status {
    t.trash.erase(id);
    return Status::Ok();
  });
}

Result<std::set<ArticleId>> MemoryEditorialRepository::Trashed() const {
  return db_.With([](const Tables& t) -> Result<std::set<ArticleId>> {
    std::set<ArticleId> out;
    for (const auto& [id, at] : t.trash) out.insert(id);
    return out;
  });
}

Result<Revision> MemoryEditorialRepository::AddRevision(const Revision& r) {
  return db_.With([&](Tables& t) -> Result<Revision> {
    if (!t.HasArticle(r.article_id) || (r.user_id && !t.HasUser(r.user_id))) return ForeignKeyFailed();
    Revision stored = r;
    stored.id = NextId(t.revisions);
    stored.tags = AsStoredTags(r.tags);
    t.revisions[stored.id] = stored;
    Revision returned = r;  // as the store returns it: what was given, with its id
    returned.id = stored.id;
    return returned;
  });
}

Result<std::vector<Revision>> MemoryEditorialRepository::Revisions(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Revision>> {
    std::vector<Revision> out;
    for (auto it = t.revisions.rbegin(); it != t.revisions.rend(); ++it)
      if (it->second.article_id == id) out.push_back(it->second);
    return out;
  });
}

Result<Revision> MemoryEditorialRepository::FindRevision(std::int64_t revision_id) const {
  return db_.With([&](const Tables& t) -> Result<Revision> {
    auto it = t.revisions.find(revision_id);
    if (it == t.revisions.end()) return Error::NotFound("No such revision.");
    return it->second;
  });
}

Status MemoryEditorialRepository::SetSlug(ArticleId id, std::string_view slug) {
  return db_.With([&](Tables& t) -> Status {
    for (const auto& [other, row] : t.articles)
      if (other != id && row.article.slug == slug) return Error::Conflict("Another article already has this slug.");
    auto it = t.articles.find(id);
    if (it == t.articles.end() || it->second.article.slug == slug) return Status::Ok();
    // The trigger article_slug_changed: the old slug redirects here; the new one redirects no more.
    t.old_slugs.erase(std::string(slug));
    t.old_slugs[it->second.article.slug] = id;
    it->second.article.slug = std::string(slug);
    return Status::Ok();
  });
}

Status MemoryEditorialRepository::AddCorrection(ArticleId id, std::string_view note, UnixTime at) {
  return db_.With([&](Tables& t) -> Status {
    if (!t.HasArticle(id)) return ForeignKeyFailed();
    t.corrections[id].push_back(content::Correction{std::string(note), at});
    return Status::Ok();
  });
}

Status MemoryEditorialRepository::SetExcerpt(ArticleId id, std::string_view excerpt) {
  return db_.With([&](Tables& t) -> Status {
    if (auto it = t.articles.find(id); it != t.articles.end()) it->second.article.excerpt = std::string(excerpt);
    return Status::Ok();
  });
}

Status MemoryEditorialRepository::SetHtml(ArticleId id, std::string_view html) {
  return db_.With([&](Tables& t) -> Status {
    if (auto it = t.articles.find(id); it != t.articles.end()) it->second.article.html = std::string(html);
    return Status::Ok();
  });
}

Status MemoryEditorialRepository::SetFeaturedImage(ArticleId id, const std::optional<content::FeaturedImage>& image) {
  return db_.With([&](Tables& t) -> Status {
    auto it = t.articles.find(id);
    if (!image) {
      if (it != t.articles.end()) it->second.article.featured_image.reset();
      return Status::Ok();
    }
    if (!t.media.count(image->media_id))
      return Error::Invalid("There is no such image in the media library.", "featured_image");
    if (it == t.articles.end()) return ForeignKeyFailed();
    it->second.article.featured_image = image;
    return Status::Ok();
  });
}

}  // namespace gazette::testing
