// ArticleService: validation and derived fields live here so that every entry point
// (import, command line, later the admin and API) applies the same rules.
#include "content/article_service.h"
#include "content/authors.h"

#include <map>

#include "common/text.h"
#include "content/markdown.h"
#include "content/pages.h"

namespace gazette::content {

Status ArticleService::Validate(const std::string& title, std::string_view markdown) {
  if (title.empty()) return Error::Invalid("The article needs a headline.", "title");
  if (!text::IsValidUtf8(title) || !text::IsValidUtf8(markdown))
    return Error::Invalid("The article is not valid UTF-8 text.", "markdown");
  if (text::CountCodePoints(title) > kMaxTitleChars) return Error::Invalid("The headline is too long.", "title");
  return Status::Ok();
}

Result<std::vector<Author>> ArticleService::AuthorsFromNames(const std::vector<std::string>& names) {
  std::vector<Author> authors;
  for (const auto& raw : names) {
    if (!text::IsValidUtf8(raw)) return Error::Invalid("An author's name is not valid UTF-8 text.", "authors");
    const std::string name = text::CollapseWhitespace(raw);
    if (name.empty()) continue;
    if (text::CountCodePoints(name) > 100) return Error::Invalid("An author's name is too long.", "authors");
    std::string slug = text::Slugify(name);
    if (slug.empty()) return Error::Invalid("An author's name needs a letter or a digit.", "authors");
    bool seen = false;
    for (const auto& a : authors) seen |= a.slug == slug;
    if (!seen) authors.push_back(Author{0, name, std::move(slug)});
  }
  if (authors.size() > kMaxAuthors) return Error::Invalid("An article can credit at most ten authors.", "authors");
  if (authors.empty()) authors.push_back(Author{0, "Staff", "staff"});
  return authors;
}

Status ArticleService::UpdateAuthorProfile(std::string_view slug, std::string_view bio,
                                           std::optional<std::int64_t> photo) {
  if (!text::IsValidUtf8(bio)) return Error::Invalid("The biography is not valid UTF-8 text.", "bio");
  const std::string clean(text::Trim(bio));
  if (text::CountCodePoints(clean) > kMaxBioChars) return Error::Invalid("The biography is too long.", "bio");
  return articles_.SetAuthorProfile(slug, clean, photo);
}

std::vector<Tag> ArticleService::TagsFromNames(const std::vector<std::string>& names) {
  std::vector<Tag> tags;
  for (const auto& name : names) {
    const std::string clean = text::CollapseWhitespace(name);
    std::string tag_slug = text::Slugify(clean);
    if (tag_slug.empty()) continue;
    bool seen = false;
    for (const auto& t : tags) seen |= t.slug == tag_slug;
    if (!seen) tags.push_back(Tag{0, clean, std::move(tag_slug)});
  }
  return tags;
}

Result<Article> ArticleService::Create(const ArticleDraft& draft) {
  const std::string title = text::CollapseWhitespace(draft.title);
  if (auto st = Validate(title, draft.markdown); !st) return st.error();
  auto authors = AuthorsFromNames(draft.authors);
  if (!authors) return authors.error();

  auto slug = draft.kind == ArticleKind::kPage ? PageSlug(draft.slug, title) : UniqueSlug(draft.slug, title);
  if (!slug) return slug.error();

  NewArticle a;
  a.kind = draft.kind;
  a.slug = std::move(*slug);
  a.title = title;
  a.markdown = draft.markdown;
  a.html = RenderMarkdown(draft.markdown).str();
  a.body_text = MarkdownToPlainText(draft.markdown);
  a.excerpt = text::Excerpt(draft.excerpt.empty() ? a.body_text : draft.excerpt, kExcerptChars);
  a.authors = std::move(*authors);
  a.author = Byline(a.authors);
  a.status = draft.status;
  a.created_at = clock_.Now();
  if (draft.status == ArticleStatus::kPublished) a.published_at = draft.published_at.value_or(a.created_at);
  a.tags = TagsFromNames(draft.tags);
  auto stored = articles_.Insert(a);
  if (stored) Notify(stored->id);
  return stored;
}

Status ArticleService::Update(ArticleId id, const ArticleEdit& edit) {
  auto article = articles_.FindById(id);
  if (!article) return article.error();
  ArticleUpdate u;
  u.title = edit.title ? text::CollapseWhitespace(*edit.title) : article->title;
  u.markdown = edit.markdown ? *edit.markdown : article->markdown;
  if (auto st = Validate(u.title, u.markdown); !st) return st;
  if (edit.authors) {
    auto authors = AuthorsFromNames(*edit.authors);
    if (!authors) return authors.error();
    u.authors = std::move(*authors);
  } else {
    u.authors = article->authors;
  }
  u.author = Byline(u.authors);
  if (edit.tags) {
    for (const auto& name : *edit.tags)
      if (!text::IsValidUtf8(name)) return Error::Invalid("A tag is not valid UTF-8 text.", "tags");
    u.tags = TagsFromNames(*edit.tags);
  } else {
    u.tags = article->tags;
  }
  u.html = RenderMarkdown(u.markdown).str();
  u.body_text = MarkdownToPlainText(u.markdown);
  // A custom excerpt is kept unless the body changed.
  u.excerpt = edit.markdown ? text::Excerpt(u.body_text, kExcerptChars) : article->excerpt;
  u.updated_at = clock_.Now();
  auto st = articles_.Update(id, u);
  if (st) Notify(id);
  return st;
}

Result<std::string> ArticleService::UniqueSlug(std::string_view wanted, std::string_view title) const {
  std::string base = text::Slugify(wanted.empty() ? title : wanted);
  if (base.empty()) base = "article";
  std::string candidate = base;
  for (int n = 2; n < 10000; ++n) {
    auto exists = articles_.SlugExists(candidate);
    if (!exists) return exists.error();
    if (!*exists) return candidate;
    candidate = base + "-" + std::to_string(n);
  }
  return Error::Conflict("No free slug for this headline.");
}

Result<std::string> ArticleService::PageSlug(std::string_view wanted, std::string_view title) const {
  // A path the editor chose is kept exactly (menus link to it): taken, it is refused. One made
  // from the headline may take a suffix, as an article's slug does.
  if (wanted.empty()) {
    auto from_title = ParsePagePath(text::Slugify(title));
    if (!from_title) return from_title.error();
    return UniqueSlug(*from_title, title);
  }
  auto path = ParsePagePath(wanted);
  if (!path) return path.error();
  auto exists = articles_.SlugExists(*path);
  if (!exists) return exists.error();
  if (*exists) return Error{ErrorCode::kConflict, "Another page or article already has this path.", "slug"};
  return path;
}

Status ArticleService::Publish(ArticleId id, std::optional<UnixTime> at) {
  auto article = articles_.FindById(id);
  if (!article) return article.error();
  const UnixTime now = clock_.Now();
  // Republishing keeps the original date, so the permalink does not move.
  const UnixTime when = at ? *at : (article->published_at ? article->published_at : now);
  auto st = articles_.SetStatus(id, ArticleStatus::kPublished, when, now);
  if (st) Notify(id);
  return st;
}

Status ArticleService::Unpublish(ArticleId id) {
  auto article = articles_.FindById(id);
  if (!article) return article.error();
  auto st = articles_.SetStatus(id, ArticleStatus::kDraft, article->published_at, clock_.Now());
  if (st) Notify(id);
  return st;
}

Result<int> ArticleService::RefreshPlainText() {
  auto all = articles_.ListAll(std::nullopt);
  if (!all) return all.error();
  int changed = 0;
  for (const auto& a : *all) {
    auto r = articles_.SetBodyText(a.id, MarkdownToPlainText(a.markdown));
    if (!r) return r.error();
    if (*r) {
      ++changed;
      Notify(a.id);
    }
  }
  return changed;
}

Result<Article> ArticleService::GetPublished(std::string_view slug) const {
  auto article = articles_.FindBySlug(slug);
  if (!article) return article.error();
  if (!article->IsPublished()) return Error::NotFound("No such article.");
  return article;
}

Result<Article> ArticleService::GetPublishedPage(std::string_view path) const {
  auto page = articles_.FindBySlug(path);
  if (!page) return page.error();
  if (!page->IsPublished() || !page->IsPage()) return Error::NotFound("No such page.");
  return page;
}

Result<Article> ArticleService::GetPublishedByAnySlug(std::string_view slug) const {
  auto now = GetPublished(slug);
  if (now || now.error().code != ErrorCode::kNotFound) return now;
  auto id = articles_.FindIdByOldSlug(slug);
  if (!id) return id.error();
  auto article = articles_.FindById(*id);
  if (!article) return article.error();
  if (!article->IsPublished()) return Error::NotFound("No such article.");
  return article;
}

Result<ArticleList> ArticleService::ListPublished(int page, int page_size,
                                                  const std::optional<std::string>& tag_slug) const {
  ArticleQuery filter;
  filter.tag_slug = tag_slug;
  return ListPublished(page, page_size, std::move(filter));
}

Result<ArticleList> ArticleService::ListPublished(int page, int page_size, ArticleQuery filter) const {
  if (page < 1) return Error::NotFound("No such page.");
  auto total = articles_.CountPublished(filter);
  if (!total) return total.error();
  ArticleList list;
  list.page = page;
  list.total = *total;
  list.total_pages = std::max(1, (*total + page_size - 1) / page_size);
  if (page > list.total_pages) return Error::NotFound("No such page.");
  filter.offset = (page - 1) * page_size;
  filter.limit = page_size;
  auto items = articles_.ListPublished(filter);
  if (!items) return items.error();
  list.items = std::move(*items);
  return list;
}

Result<std::vector<DatedSummary>> ArticleService::ListPublishedInMonth(int year, int month, int offset,
                                                                       int limit) const {
  const auto from = FromCivil({year, month, 1});
  if (!from) return Error::Invalid("No such month.");
  const auto to = FromCivil(month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1});
  if (!to) return Error::Invalid("No such month.");
  return articles_.ListPublishedBetween(*from, *to, offset, limit);
}

Result<std::vector<AuthorListing>> ArticleService::PublishedAuthors() const {
  auto groups = articles_.PublishedGroups(ArticleGrouping::kAuthor);
  if (!groups) return groups.error();
  std::vector<AuthorListing> out;
  for (const auto& g : *groups) out.push_back(AuthorListing{g.name, g.key, g.updated_at});
  return out;
}

Result<std::vector<DatedSummary>> ArticleService::RecentlyPublished(UnixTime window, int limit) const {
  const UnixTime now = clock_.Now();
  return articles_.ListPublishedBetween(now - window + 1, now + 1, 0, limit);
}

void ArticleService::Notify(ArticleId id) const {
  for (const auto& listener : listeners_) listener(id);
}

}  // namespace gazette::content
