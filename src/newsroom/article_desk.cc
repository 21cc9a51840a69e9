// ArticleDesk: the role rules first, then every write of the action in one unit of work.
#include "newsroom/article_desk.h"

#include "common/text.h"

namespace gazette::newsroom {

using content::EditorialArticle;
using content::EditorialState;

namespace {

// The byline's authors by slug, as ArticleService makes them ("Staff" for none).
std::vector<std::string> BylineSlugs(const std::vector<std::string>& names) {
  std::vector<std::string> slugs;
  if (auto authors = content::ArticleService::AuthorsFromNames(names))
    for (const auto& a : *authors) slugs.push_back(a.slug);
  return slugs;
}

bool HasTextChanges(const content::ArticleChanges& c) {
  return c.title || c.markdown || c.excerpt || c.authors || c.slug || c.tags || c.featured_image || c.correction;
}

}  // namespace

bool ChangesState(const ArticleSubmission& s, const std::optional<EditorialArticle>& current) {
  if (!s.state) return false;
  if (!current) return *s.state != EditorialState::kDraft;
  if (*s.state != current->state) return true;
  return *s.state == EditorialState::kScheduled && s.publish_at != current->scheduled_at;
}

Status ArticleDesk::CheckSave(const accounts::User& by, const ArticleSubmission& s,
                              const std::optional<EditorialArticle>& current) const {
  if (s.state == EditorialState::kTrash)
    return Error::Invalid("An article is moved to the trash on its own, not by saving it.", "status");
  if (current) {
    if (current->state == EditorialState::kTrash)
      return Error::Conflict("The article is in the trash; restore it first.");
    if (!accounts::CanEditArticle(by, current->owner, current->article.IsPublished()))
      return Error::Denied("Your role does not allow you to edit this article.");
  }
  const accounts::UserId owner = current ? current->owner : by.id;
  if (ChangesState(s, current) && !accounts::CanPublishArticle(by, owner))
    return Error::Denied("Your role does not allow you to publish or schedule this article.");
  std::vector<std::string> byline;
  if (current)
    for (const auto& a : current->article.authors) byline.push_back(a.slug);
  else
    byline = BylineSlugs({by.name});
  if (s.changes.authors && BylineSlugs(*s.changes.authors) != byline && !accounts::CanEditOthersArticles(by))
    return Error::Denied("Your role does not allow you to change the byline.");
  return Status::Ok();
}

// An image of the library, with its upload's description when the editor gave none.
Status ArticleDesk::ResolveFeatured(std::optional<content::FeaturedImage>& image) const {
  if (!image || image->media_id == 0) return Status::Ok();
  auto item = media_.FindById(image->media_id);
  if (!item) {
    if (item.error().code != ErrorCode::kNotFound) return item.error();
    return Error::Invalid("There is no such image in the media library.", "featured_image");
  }
  if (text::Trim(image->alt).empty()) image->alt = item->alt;
  auto checked = content::CheckFeaturedImage(*image);
  if (!checked) return checked.error();
  image = std::move(*checked);
  return Status::Ok();
}

Result<content::ArticleId> ArticleDesk::Save(const accounts::User& by, const ArticleSubmission& submission) {
  ArticleSubmission s = submission;
  std::optional<EditorialArticle> current;
  if (s.id) {
    auto e = editorial_.Get(*s.id);
    if (!e) return e.error();
    // The pages' editor does not edit articles, nor the reverse: each names its own kind.
    if (e->article.kind != s.kind) return Error::NotFound(s.kind == content::ArticleKind::kPage ? "No such page." : "No such article.");
    current = std::move(*e);
  }
  if (auto st = CheckSave(by, s, current); !st) return st.error();
  if (auto st = ResolveFeatured(s.changes.featured_image); !st) return st.error();
  content::ArticleId id = 0;
  if (auto st = unit_.Run([&] { return WriteSave(by, s, current, id); }); !st) return st.error();
  return id;
}

Status ArticleDesk::WriteSave(const accounts::User& by, const ArticleSubmission& s,
                              const std::optional<EditorialArticle>& current, content::ArticleId& id) {
  const content::ArticleChanges& c = s.changes;
  if (!current) {
    content::ArticleDraft d;
    d.kind = s.kind;
    d.title = c.title.value_or("");
    d.markdown = c.markdown.value_or("");
    d.authors = c.authors.value_or(std::vector<std::string>{by.name});
    d.tags = c.tags.value_or(std::vector<std::string>{});
    d.slug = c.slug.value_or("");
    d.excerpt = c.excerpt.value_or("");
    auto created = editorial_.Create(d, by.id);
    if (!created) return created.error();
    id = created->id;
    if (c.featured_image && c.featured_image->media_id != 0)
      if (auto st = editorial_.SetFeaturedImage(id, *c.featured_image); !st) return st;
  } else {
    id = current->article.id;
    if (HasTextChanges(c))
      if (auto st = editorial_.Save(id, c, by.id); !st) return st;
  }
  if (s.commenting)
    if (auto st = comments_.SetCommenting(id, *s.commenting); !st) return st;
  if (ChangesState(s, current)) return ApplyState(id, *s.state, s.publish_at);
  return Status::Ok();
}

Status ArticleDesk::ApplyState(content::ArticleId id, EditorialState state, UnixTime publish_at) {
  switch (state) {
    case EditorialState::kPublished:
      return editorial_.PublishNow(id);
    case EditorialState::kScheduled:
      return editorial_.Schedule(id, publish_at);
    case EditorialState::kDraft:
      return editorial_.Unpublish(id);
    case EditorialState::kTrash:
      return editorial_.Trash(id);
  }
  return Status::Ok();
}

Result<EditorialArticle> ArticleDesk::Publishable(const accounts::User& by, content::ArticleId id) const {
  auto e = editorial_.Get(id);
  if (!e) return e.error();
  if (!accounts::CanPublishArticle(by, e->owner))
    return Error::Denied("Your role does not allow you to publish, schedule or unpublish this article.");
  return e;
}

Status ArticleDesk::Publish(const accounts::User& by, content::ArticleId id) {
  auto e = Publishable(by, id);
  if (!e) return e.error();
  return unit_.Run([&] { return editorial_.PublishNow(id); });
}

Status ArticleDesk::Schedule(const accounts::User& by, content::ArticleId id, UnixTime at) {
  auto e = Publishable(by, id);
  if (!e) return e.error();
  return unit_.Run([&] { return editorial_.Schedule(id, at); });
}

Status ArticleDesk::Unpublish(const accounts::User& by, content::ArticleId id) {
  auto e = Publishable(by, id);
  if (!e) return e.error();
  return unit_.Run([&] { return editorial_.Unpublish(id); });
}

Status ArticleDesk::Trash(const accounts::User& by, content::ArticleId id) {
  auto e = editorial_.Get(id);
  if (!e) return e.error();
  if (!accounts::CanDeleteArticle(by, e->owner, e->article.IsPublished()))
    return Error::Denied("Your role does not allow you to delete this article.");
  return unit_.Run([&] { return editorial_.Trash(id); });
}

Status ArticleDesk::Restore(const accounts::User& by, content::ArticleId id) {
  auto e = editorial_.Get(id);
  if (!e) return e.error();
  if (!accounts::CanDeleteArticle(by, e->owner, e->article.IsPublished()))
    return Error::Denied("Your role does not allow you to restore this article.");
  return unit_.Run([&] { return editorial_.Restore(id); });
}

}  // namespace gazette::newsroom
