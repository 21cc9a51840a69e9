// The articles list and the editor. The editor works without JavaScript: Preview is a submit
// button that renders the posted Markdown without saving; admin.js adds as-you-type preview.
#include "admin/article_pages.h"
#include "content/authors.h"

#include <algorithm>

#include "comments/commenting.h"
#include "common/text.h"
#include "content/markdown.h"
#include "http/errors.h"
#include "themes/markup.h"

namespace gazette::admin {

using content::EditorialState;

namespace {

EditorForm ReadEditorForm(const Form& f) {
  return {FormValue(f, "title"),
          FormValue(f, "markdown"),
          FormValue(f, "excerpt"),
          FormValue(f, "tags"),
          FormValue(f, "primary_tag"),
          FormValue(f, "slug"),
          FormValue(f, "author"),
          FormValue(f, "status"),
          FormValue(f, "publish_at"),
          FormValue(f, "action"),
          FormValue(f, "featured_media"),
          FormValue(f, "featured_alt"),
          FormValue(f, "featured_caption"),
          FormValue(f, "comments"),
          FormValue(f, "correction")};
}

// "a, b, c" with primary "b" -> {"b", "a", "c"}.
std::vector<std::string> TagList(const std::string& tags, const std::string& primary) {
  std::vector<std::string> out;
  const std::string p = text::CollapseWhitespace(primary);
  if (!p.empty()) out.push_back(p);
  for (auto& t : text::SplitTrimmed(tags, ',')) {
    std::string name = text::CollapseWhitespace(t);
    if (!name.empty() && text::AsciiLower(name) != text::AsciiLower(p)) out.push_back(name);
  }
  return out;
}

// "2026-11-26T10:30" (datetime-local, read as UTC) -> Unix time.
std::optional<UnixTime> ParseLocalTime(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return ParseIso8601(s);
}

std::string DateTimeLocal(UnixTime t) { return t ? FormatIso8601(t).substr(0, 19) : std::string(); }

EditorForm FormFromArticle(const content::EditorialArticle& e) {
  EditorForm f;
  const auto& a = e.article;
  f.title = a.title;
  f.markdown = a.markdown;
  f.excerpt = a.excerpt;
  for (std::size_t i = 1; i < a.tags.size(); ++i) f.tags += (f.tags.empty() ? "" : ", ") + a.tags[i].name;
  if (!a.tags.empty()) f.primary_tag = a.tags.front().name;
  f.slug = a.slug;
  f.author = content::AuthorNamesField(a.authors);
  f.status = content::ToString(e.state);
  f.publish_at = DateTimeLocal(e.scheduled_at);
  if (a.featured_image) {
    f.featured_media = std::to_string(a.featured_image->media_id);
    f.featured_alt = a.featured_image->alt;
    f.featured_caption = a.featured_image->caption;
  }
  return f;
}

// How many library images the editor offers as featured image (newest first, and the current one).
constexpr std::size_t kFeaturedChoices = 24;

}  // namespace

http::Response ArticlePages::ArticleList(const http::Request& req, const Visitor& v, content::ArticleKind kind) const {
  content::EditorialFilter f;
  f.kind = kind;
  const std::string status = req.Query("status").value_or("");
  if (!status.empty()) f.state = content::ParseEditorialState(status);
  f.tag_slug = req.Query("tag").value_or("");
  f.author = req.Query("author").value_or("");
  f.query = req.Query("q").value_or("");
  auto list = editorial_.List(f);
  if (!list) return kit_.ErrorPage(list.error(), &v);
  ViewData page;
  ViewData rows{ViewData::type::list};
  for (const auto& e : *list) {
    ViewData row;
    row.set("id", std::to_string(e.article.id));
    row.set("title", e.article.title);
    row.set("author", e.article.author);
    row.set("state", content::ToString(e.state));
    const UnixTime when = e.state == EditorialState::kScheduled ? e.scheduled_at
                          : e.article.published_at              ? e.article.published_at
                                                                : e.article.created_at;
    row.set("date", FormatIso8601(when).substr(0, 16));
    row.set("date_iso", FormatIso8601(when));
    if (const auto* tag = e.article.PrimaryTag()) row.set("tag", tag->name);
    rows.push_back(row);
  }
  page.set("articles", rows);
  page.set("count", std::to_string(list->size()));
  page.set("q", text::SanitizeUtf8(f.query));
  page.set("tag", text::SanitizeUtf8(f.tag_slug));
  page.set("author", text::SanitizeUtf8(f.author));
  ViewData states{ViewData::type::list};
  for (const char* s : {"", "draft", "scheduled", "published", "trash"}) {
    ViewData o;
    o.set("value", s);
    o.set("label", *s ? s : "all but trash");
    if (status == s) o.set("selected", true);
    states.push_back(o);
  }
  page.set("states", states);
  const bool pages = kind == content::ArticleKind::kPage;
  if (pages) page.set("is_page", true);
  page.set("base", pages ? "/admin/pages/" : "/admin/articles/");
  return kit_.Page(200, "articles", pages ? "Pages" : "Articles", page, &v);
}

http::Response ArticlePages::Editor(const Visitor& v, const content::EditorialArticle* e, const EditorForm& f,
                                    const std::string& error, const std::string& notice, bool preview,
                                    int status, content::ArticleKind kind) const {
  const auto site = site_.Current();
  ViewData page;
  if (e) kind = e->article.kind;
  const bool is_page = kind == content::ArticleKind::kPage;
  if (is_page) page.set("is_page", true);
  const std::int64_t owner = e ? e->owner : v.user.id;
  if (e) {
    page.set("id", std::to_string(e->article.id));
    page.set("action", "/admin/articles/" + std::to_string(e->article.id) + "/edit");
    page.set("state", content::ToString(e->state));
    if (e->state == EditorialState::kPublished)
      page.set("public_url", site->settings.url + site->permalink.PathFor(e->article));
    if (e->state == EditorialState::kTrash) page.set("trashed", true);
    if (accounts::CanDeleteArticle(v.user, owner, e->article.IsPublished())) page.set("can_delete", true);
  } else {
    page.set("action", is_page ? "/admin/pages/new" : "/admin/articles/new");
    page.set("state", "new");
  }
  const char* noun = is_page ? "page" : "article";
  page.set("heading", std::string(e ? "Edit " : "New ") + noun);
  page.set("title", f.title);
  page.set("markdown", f.markdown);
  page.set("excerpt", f.excerpt);
  page.set("tags", f.tags);
  page.set("primary_tag", f.primary_tag);
  page.set("slug", f.slug);
  page.set("author", f.author.empty() ? v.user.name : f.author);
  if (accounts::CanEditOthersArticles(v.user)) page.set("can_set_author", true);
  if (accounts::CanPublishArticle(v.user, owner)) page.set("can_publish", true);
  const std::string st = f.status.empty() ? "draft" : f.status;
  page.set("is_draft", st == "draft" || st == "trash");
  page.set("is_scheduled", st == "scheduled");
  page.set("is_published", st == "published");
  page.set("publish_at", f.publish_at);
  page.set("correction", f.correction);
  if (e && e->state == EditorialState::kPublished) page.set("can_correct", true);
  page.set("featured_alt", f.featured_alt);
  page.set("featured_caption", f.featured_caption);
  page.set("featured_choices", FeaturedChoices(f.featured_media));
  if (f.featured_media.empty() || f.featured_media == "0") page.set("no_featured", true);
  ViewData commenting{ViewData::type::list};
  auto site_rules = comments_.Settings();
  const bool closed_by_default = site_rules && site_rules->closed_by_default;
  for (auto choice : {comments::ArticleCommenting::kSiteDefault, comments::ArticleCommenting::kOpen,
                      comments::ArticleCommenting::kClosed}) {
    ViewData o;
    o.set("value", comments::ToString(choice));
    o.set("label", choice == comments::ArticleCommenting::kOpen     ? "Open"
                   : choice == comments::ArticleCommenting::kClosed ? "Closed"
                   : closed_by_default                              ? "The site's rules (closed by default)"
                                                                    : "The site's rules (open by default)");
    if (f.comments == comments::ToString(choice) ||
        (f.comments.empty() && choice == comments::ArticleCommenting::kSiteDefault))
      o.set("selected", true);
    commenting.push_back(o);
  }
  page.set("commenting", commenting);
  if (preview) themes::SetHtml(page, "preview_html", content::RenderMarkdown(f.markdown));
  if (!error.empty()) page.set("error", error);
  if (!notice.empty()) page.set("notice", notice);
  return kit_.Page(status, "editor", e ? "Edit: " + e->article.title : std::string("New ") + noun, page, &v);
}

ViewData ArticlePages::FeaturedChoices(const std::string& selected) const {
  ViewData choices{ViewData::type::list};
  auto list = media_.List();
  if (!list) return choices;
  std::size_t shown = 0;
  for (const auto& m : *list) {
    const bool chosen = std::to_string(m.id) == selected;
    if (shown >= kFeaturedChoices && !chosen) continue;
    const media::Variant* thumb = nullptr;
    for (const auto& var : m.variants)
      if (var.mime == m.mime && (!thumb || var.width < thumb->width)) thumb = &var;
    if (!thumb) continue;
    ViewData c;
    c.set("id", std::to_string(m.id));
    c.set("src", "/media/" + thumb->file);
    c.set("label", m.alt.empty() ? "Image " + std::to_string(m.width) + " × " + std::to_string(m.height) : m.alt);
    if (chosen) c.set("selected", true);
    choices.push_back(c);
    ++shown;
  }
  return choices;
}

// The featured image the form asks for: media_id 0 for none, -1 for an id that is not a number
// (refused by the desk as an image not in the library).
std::optional<content::FeaturedImage> ArticlePages::FeaturedFromForm(const EditorForm& f) {
  if (f.featured_media.empty()) return std::nullopt;  // a form without the field keeps the image
  const std::int64_t id = ParseInteger<std::int64_t>(f.featured_media).value_or(-1);
  return content::FeaturedImage{id < 0 ? -1 : id, f.featured_alt, f.featured_caption};
}

// The form as one save for the desk. What the user's form has no control for (a contributor's
// byline and status) is left out, so that the desk keeps it.
newsroom::ArticleSubmission ArticlePages::SubmissionFromForm(const Visitor& v, const EditorForm& f,
                                                             const content::EditorialArticle* current,
                                                             content::ArticleKind kind) {
  newsroom::ArticleSubmission s;
  s.kind = current ? current->article.kind : kind;
  content::ArticleChanges& c = s.changes;
  if (current) s.id = current->article.id;
  c.title = f.title;
  c.markdown = f.markdown;
  c.tags = TagList(f.tags, f.primary_tag);
  c.excerpt = current && f.excerpt == current->article.excerpt ? std::string() : f.excerpt;
  if (!current || !text::Trim(f.slug).empty()) c.slug = f.slug;  // empty: keep the slug, so links keep working
  if (accounts::CanEditOthersArticles(v.user)) c.authors = content::SplitAuthorNames(f.author);
  c.featured_image = FeaturedFromForm(f);
  if (current && !text::Trim(f.correction).empty()) c.correction = f.correction;
  if (!f.comments.empty()) s.commenting = comments::ParseArticleCommenting(f.comments);
  auto wanted = content::ParseEditorialState(f.status);
  if (wanted && *wanted != EditorialState::kTrash) {
    s.state = wanted;
    const bool same_time =
        current && current->state == EditorialState::kScheduled && DateTimeLocal(current->scheduled_at) == f.publish_at;
    if (*wanted == EditorialState::kScheduled)
      s.publish_at = same_time ? current->scheduled_at : ParseLocalTime(f.publish_at).value_or(0);
  }
  return s;
}

http::Response ArticlePages::NewArticle(const Visitor& v, content::ArticleKind kind) const {
  return Editor(v, nullptr, {}, "", "", false, 200, kind);
}

http::Response ArticlePages::EditPage(const http::Request& req, const Visitor& v, content::ArticleId id) const {
  auto e = editorial_.Get(id);
  if (!e) return kit_.ErrorPage(404, "Not found", "There is no such article.", &v);
  if (!accounts::CanEditArticle(v.user, e->owner, e->article.IsPublished()))
    return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to edit this article.", &v);
  EditorForm f = FormFromArticle(*e);
  auto commenting = comments_.Commenting(id);
  f.comments = comments::ToString(commenting ? *commenting : comments::ArticleCommenting::kSiteDefault);
  return Editor(v, &*e, f, "", req.Query("saved") ? "Saved." : "", false, 200);
}

http::Response ArticlePages::PostEditor(const Visitor& v, const Form& form,
                                        std::optional<content::ArticleId> id, content::ArticleKind kind) const {
  EditorForm f = ReadEditorForm(form);
  std::optional<content::EditorialArticle> current;
  if (id) {
    auto e = editorial_.Get(*id);
    if (!e) return kit_.ErrorPage(e.error(), &v);
    current = std::move(*e);
    if (!accounts::CanEditArticle(v.user, current->owner, current->article.IsPublished()))
      return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to edit this article.", &v);
  }
  const content::EditorialArticle* cur = current ? &*current : nullptr;
  if (f.action == "preview") return Editor(v, cur, f, "", "Preview only: not saved yet.", true, 200, kind);
  if (!f.comments.empty() && !comments::ParseArticleCommenting(f.comments))
    return Editor(v, cur, f, "Choose whether readers may comment: the site's rules, open or closed.", "", false, 422,
                  kind);

  auto saved = desk_.Save(v.user, SubmissionFromForm(v, f, cur, kind));
  if (!saved) {
    const Error& e = saved.error();
    if (e.code == ErrorCode::kNotFound) return kit_.ErrorPage(e, &v);
    std::string message = e.message;
    if (e.field == "publish_at") message = "Choose a publication date and time in the future (UTC).";
    if (e.code == ErrorCode::kPermissionDenied) message += " It was not saved.";
    http::Response r = Editor(v, cur, f, message, "", false, 200, kind);
    http::MarkAsError(r, e.code);
    return r;
  }
  return SeeOther("/admin/articles/" + std::to_string(*saved) + "/edit?saved=1");
}

http::Response ArticlePages::PostTrash(const Visitor& v, content::ArticleId id, bool restore) const {
  auto st = restore ? desk_.Restore(v.user, id) : desk_.Trash(v.user, id);
  if (!st) return kit_.ErrorPage(st.error(), &v);
  return SeeOther(restore ? "/admin/articles/" + std::to_string(id) + "/edit?saved=1"
                          : "/admin/articles/?status=trash");
}

http::Response ArticlePages::PostPreview(const Form& form) const {
  http::Response r;
  r.body = content::RenderMarkdown(FormValue(form, "markdown")).str();
  r.route = "admin_preview";
  return r;
}

}  // namespace gazette::admin
