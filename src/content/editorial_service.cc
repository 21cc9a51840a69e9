// EditorialService: scheduling and the trash live beside the article (EditorialRepository), so
// the public site's queries need not know about them: a scheduled or trashed article is a draft.
#include "content/editorial_service.h"
#include "content/authors.h"

#include <algorithm>

#include "common/text.h"
#include "content/pages.h"

namespace gazette::content {

const char* ToString(EditorialState s) {
  switch (s) {
    case EditorialState::kDraft:
      return "draft";
    case EditorialState::kScheduled:
      return "scheduled";
    case EditorialState::kPublished:
      return "published";
    case EditorialState::kTrash:
      return "trash";
  }
  return "draft";
}

std::optional<EditorialState> ParseEditorialState(std::string_view s) {
  for (auto st :
       {EditorialState::kDraft, EditorialState::kScheduled, EditorialState::kPublished, EditorialState::kTrash})
    if (s == ToString(st)) return st;
  return std::nullopt;
}

Result<Article> EditorialService::Create(const ArticleDraft& draft, std::int64_t owner) {
  ArticleDraft d = draft;
  d.status = ArticleStatus::kDraft;
  auto article = articles_.Create(d);
  if (!article) return article;
  if (owner) {
    if (auto st = editorial_.SetOwner(article->id, owner); !st) return st.error();
  }
  if (auto st = KeepRevision(article->id, owner); !st) return st.error();
  return article;
}

Result<FeaturedImage> CheckFeaturedImage(const FeaturedImage& image) {
  FeaturedImage out{image.media_id, text::CollapseWhitespace(image.alt), text::CollapseWhitespace(image.caption)};
  if (!text::IsValidUtf8(out.alt) || !text::IsValidUtf8(out.caption))
    return Error::Invalid("The featured image's description is not valid UTF-8 text.", "featured_alt");
  if (out.alt.empty())
    return Error::Invalid("Describe the featured image for readers who cannot see it (alt text).", "featured_alt");
  if (out.alt.size() > 300) return Error::Invalid("Keep the image description under 300 characters.", "featured_alt");
  if (out.caption.size() > 600) return Error::Invalid("Keep the caption under 600 characters.", "featured_caption");
  return out;
}

Status EditorialService::SetFeaturedImage(ArticleId id, const FeaturedImage& image) {
  if (image.media_id == 0) return editorial_.SetFeaturedImage(id, std::nullopt);
  auto checked = CheckFeaturedImage(image);
  if (!checked) return checked.error();
  return editorial_.SetFeaturedImage(id, *checked);
}

Status EditorialService::Save(ArticleId id, const ArticleChanges& c, std::int64_t user) {
  auto current = store_.FindById(id);
  if (!current) return current.error();
  // Checked before anything is written, so that a refused save changes nothing.
  if (c.featured_image && c.featured_image->media_id != 0)
    if (auto checked = CheckFeaturedImage(*c.featured_image); !checked) return checked.error();
  std::string slug;
  if (c.slug) {
    if (current->IsPage()) {
      auto path = ParsePagePath(*c.slug);
      if (!path) return path.error();
      slug = std::move(*path);
    } else {
      slug = text::Slugify(*c.slug);
    }
    if (slug.empty()) return Error::Invalid("The slug needs letters or digits.", "slug");
    if (slug != current->slug) {
      auto taken = store_.SlugExists(slug);
      if (!taken) return taken.error();
      if (*taken) return Error{ErrorCode::kConflict, "Another article already has this slug.", "slug"};
    }
  }
  std::string correction;
  if (c.correction) {
    if (!text::IsValidUtf8(*c.correction)) return Error::Invalid("The correction is not valid UTF-8 text.", "correction");
    correction = text::CollapseWhitespace(*c.correction);
    if (text::CountCodePoints(correction) > 1000) return Error::Invalid("The correction is too long.", "correction");
    if (!correction.empty() && !current->IsPublished())
      return Error::Invalid("Corrections are for published articles; edit a draft instead.", "correction");
  }
  ArticleEdit edit{c.title, c.markdown, c.tags, c.authors};
  if (auto st = articles_.Update(id, edit); !st) return st;
  if (c.slug) {
    if (slug != current->slug)
      if (auto st = editorial_.SetSlug(id, slug); !st) return st;
  }
  if (c.excerpt && !text::Trim(*c.excerpt).empty()) {
    if (!text::IsValidUtf8(*c.excerpt)) return Error::Invalid("The excerpt is not valid UTF-8 text.", "excerpt");
    if (auto st = editorial_.SetExcerpt(id, text::Excerpt(text::CollapseWhitespace(*c.excerpt), 300)); !st) return st;
  }
  if (c.featured_image)
    if (auto st = SetFeaturedImage(id, *c.featured_image); !st) return st;
  if (!correction.empty())
    if (auto st = editorial_.AddCorrection(id, correction, clock_.Now()); !st) return st;
  return KeepRevision(id, user, correction);
}

Status EditorialService::FilterHtml(ArticleId id) {
  if (!html_filter_) return Status::Ok();
  auto a = store_.FindById(id);
  if (!a) return a.error();
  const std::string html = html_filter_(a->html);
  return html == a->html ? Status::Ok() : editorial_.SetHtml(id, html);
}

Status EditorialService::KeepRevision(ArticleId id, std::int64_t user, const std::string& correction) {
  if (auto st = FilterHtml(id); !st) return st;
  auto a = store_.FindById(id);
  if (!a) return a.error();
  Revision r;
  r.article_id = id;
  r.title = a->title;
  r.markdown = a->markdown;
  r.excerpt = a->excerpt;
  r.author = AuthorNamesField(a->authors);  // restorable by SplitAuthorNames
  for (const auto& t : a->tags) r.tags.push_back(t.name);
  r.user_id = user;
  r.correction = correction;
  r.created_at = clock_.Now();
  auto stored = editorial_.AddRevision(r);
  if (!stored) return stored.error();
  return Status::Ok();
}

Result<EditorialArticle> EditorialService::Get(ArticleId id) const {
  auto a = store_.FindById(id);
  if (!a) return a.error();
  EditorialArticle e{std::move(*a), EditorialState::kDraft, 0, 0};
  auto owner = editorial_.Owner(id);
  if (!owner) return owner.error();
  e.owner = *owner;
  auto trashed = editorial_.Trashed();
  if (!trashed) return trashed.error();
  auto schedules = editorial_.Schedules();
  if (!schedules) return schedules.error();
  if (trashed->count(id)) {
    e.state = EditorialState::kTrash;
  } else if (auto it = schedules->find(id); it != schedules->end()) {
    e.state = EditorialState::kScheduled;
    e.scheduled_at = it->second;
  } else if (e.article.IsPublished()) {
    e.state = EditorialState::kPublished;
  }
  return e;
}

namespace {

bool TitleMatches(const std::string& title, const std::string& query) {
  const std::string t = text::AsciiLower(title);
  for (const auto& word : text::SplitTrimmed(text::AsciiLower(query), ' '))
    if (!word.empty() && t.find(word) == std::string::npos) return false;
  return true;
}

bool Credits(const Article& a, const std::string& author) {
  const std::string wanted = text::AsciiLower(author);
  for (const auto& x : a.authors)
    if (text::AsciiLower(x.name) == wanted || x.slug == author) return true;
  return false;
}

bool HasTag(const Article& a, const std::string& slug) {
  return std::any_of(a.tags.begin(), a.tags.end(), [&](const Tag& t) { return t.slug == slug; });
}

}  // namespace

Result<std::vector<EditorialArticle>> EditorialService::List(const EditorialFilter& f) const {
  auto all = store_.ListAll(std::nullopt);
  if (!all) return all.error();
  auto owners = editorial_.Owners();
  if (!owners) return owners.error();
  auto schedules = editorial_.Schedules();
  if (!schedules) return schedules.error();
  auto trashed = editorial_.Trashed();
  if (!trashed) return trashed.error();
  std::vector<EditorialArticle> out;
  for (auto it = all->rbegin(); it != all->rend(); ++it) {
    if (it->kind != f.kind) continue;
    EditorialArticle e{std::move(*it), EditorialState::kDraft, 0, 0};
    const ArticleId id = e.article.id;
    if (auto o = owners->find(id); o != owners->end()) e.owner = o->second;
    if (trashed->count(id)) {
      e.state = EditorialState::kTrash;
    } else if (auto s = schedules->find(id); s != schedules->end()) {
      e.state = EditorialState::kScheduled;
      e.scheduled_at = s->second;
    } else if (e.article.IsPublished()) {
      e.state = EditorialState::kPublished;
    }
    if (f.state ? e.state != *f.state : e.state == EditorialState::kTrash) continue;
    if (!f.tag_slug.empty() && !HasTag(e.article, f.tag_slug)) continue;
    if (!f.author.empty() && !Credits(e.article, f.author)) continue;
    if (!f.query.empty() && !TitleMatches(e.article.title, f.query)) continue;
    out.push_back(std::move(e));
  }
  return out;
}

Result<EditorialCounts> EditorialService::Counts(ArticleKind kind) const {
  EditorialCounts c;
  for (auto state :
       {EditorialState::kDraft, EditorialState::kScheduled, EditorialState::kPublished, EditorialState::kTrash}) {
    EditorialFilter f;
    f.state = state;
    f.kind = kind;
    auto list = List(f);
    if (!list) return list.error();
    const int n = static_cast<int>(list->size());
    switch (state) {
      case EditorialState::kDraft:
        c.drafts = n;
        break;
      case EditorialState::kScheduled:
        c.scheduled = n;
        break;
      case EditorialState::kPublished:
        c.published = n;
        break;
      case EditorialState::kTrash:
        c.trash = n;
        break;
    }
  }
  return c;
}

Status EditorialService::PublishNow(ArticleId id) {
  if (auto st = editorial_.Unschedule(id); !st) return st;
  if (auto st = editorial_.Restore(id); !st) return st;
  return articles_.Publish(id);
}

Status EditorialService::Schedule(ArticleId id, UnixTime at) {
  if (at <= clock_.Now()) return Error::Invalid("Choose a time in the future.", "publish_at");
  auto a = store_.FindById(id);
  if (!a) return a.error();
  if (a->IsPublished())
    if (auto st = articles_.Unpublish(id); !st) return st;
  if (auto st = editorial_.Restore(id); !st) return st;
  return editorial_.Schedule(id, at);
}

Status EditorialService::Unpublish(ArticleId id) {
  if (auto st = editorial_.Unschedule(id); !st) return st;
  return articles_.Unpublish(id);
}

Result<int> EditorialService::PublishDue() {
  auto schedules = editorial_.Schedules();
  if (!schedules) return schedules.error();
  const UnixTime now = clock_.Now();
  int published = 0;
  for (const auto& [id, at] : *schedules) {
    if (at > now) continue;
    if (auto st = articles_.Publish(id, at); !st && st.error().code != ErrorCode::kNotFound) return st.error();
    if (auto st = editorial_.Unschedule(id); !st) return st.error();
    ++published;
  }
  return published;
}

Status EditorialService::Trash(ArticleId id) {
  auto a = store_.FindById(id);
  if (!a) return a.error();
  if (auto st = editorial_.Unschedule(id); !st) return st;
  if (a->IsPublished())
    if (auto st = articles_.Unpublish(id); !st) return st;
  return editorial_.Trash(id, clock_.Now());
}

Status EditorialService::Restore(ArticleId id) {
  auto a = store_.FindById(id);
  if (!a) return a.error();
  return editorial_.Restore(id);
}

Result<Revision> EditorialService::GetRevision(ArticleId id, std::int64_t revision_id) const {
  auto r = editorial_.FindRevision(revision_id);
  if (!r) return r;
  if (r->article_id != id) return Error::NotFound("No such revision of this article.");
  return r;
}

Status EditorialService::RestoreRevision(ArticleId id, std::int64_t revision_id, std::int64_t user) {
  auto r = GetRevision(id, revision_id);
  if (!r) return r.error();
  ArticleChanges c;
  c.title = r->title;
  c.markdown = r->markdown;
  c.authors = SplitAuthorNames(r->author);
  c.tags = r->tags;
  c.excerpt = r->excerpt;
  return Save(id, c, user);
}

}  // namespace gazette::content
