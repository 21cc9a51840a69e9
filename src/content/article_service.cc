// ArticleService: validation and derived fields live here so that every entry point
// (import, command line, later the admin and API) applies the same rules.
#include "content/article_service.h"

#include "common/text.h"
#include "content/markdown.h"

namespace gazette::content {

Result<Article> ArticleService::Create(const ArticleDraft& draft) {
  const std::string title = text::CollapseWhitespace(draft.title);
  if (title.empty()) return Error::Invalid("The article needs a headline.", "title");
  if (!text::IsValidUtf8(title) || !text::IsValidUtf8(draft.markdown) || !text::IsValidUtf8(draft.author))
    return Error::Invalid("The article is not valid UTF-8 text.", "markdown");
  if (text::CountCodePoints(title) > kMaxTitleChars) return Error::Invalid("The headline is too long.", "title");

  auto slug = UniqueSlug(draft.slug, title);
  if (!slug) return slug.error();

  NewArticle a;
  a.slug = std::move(*slug);
  a.title = title;
  a.markdown = draft.markdown;
  a.html = RenderMarkdown(draft.markdown);
  const std::string excerpt_source = draft.excerpt.empty() ? MarkdownToPlainText(draft.markdown) : draft.excerpt;
  a.excerpt = text::Excerpt(excerpt_source, kExcerptChars);
  a.author = draft.author.empty() ? std::string("Staff") : text::CollapseWhitespace(draft.author);
  a.status = draft.status;
  a.created_at = clock_.Now();
  if (draft.status == ArticleStatus::kPublished) a.published_at = draft.published_at.value_or(a.created_at);
  for (const auto& name : draft.tags) {
    const std::string clean = text::CollapseWhitespace(name);
    std::string tag_slug = text::Slugify(clean);
    if (tag_slug.empty()) continue;
    bool seen = false;
    for (const auto& t : a.tags) seen |= t.slug == tag_slug;
    if (!seen) a.tags.push_back(Tag{0, clean, std::move(tag_slug)});
  }
  auto stored = articles_.Insert(a);
  if (stored) Notify(stored->id);
  return stored;
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

Result<Article> ArticleService::GetPublished(std::string_view slug) const {
  auto article = articles_.FindBySlug(slug);
  if (!article) return article.error();
  if (!article->IsPublished()) return Error::NotFound("No such article.");
  return article;
}

Result<ArticleList> ArticleService::ListPublished(int page, int page_size,
                                                  const std::optional<std::string>& tag_slug) const {
  if (page < 1) return Error::NotFound("No such page.");
  auto total = articles_.CountPublished(tag_slug);
  if (!total) return total.error();
  ArticleList list;
  list.page = page;
  list.total = *total;
  list.total_pages = std::max(1, (*total + page_size - 1) / page_size);
  if (page > list.total_pages) return Error::NotFound("No such page.");
  auto items = articles_.ListPublished(ArticleQuery{tag_slug, (page - 1) * page_size, page_size});
  if (!items) return items.error();
  list.items = std::move(*items);
  return list;
}

void ArticleService::Notify(ArticleId id) const {
  for (const auto& listener : listeners_) listener(id);
}

}  // namespace gazette::content
