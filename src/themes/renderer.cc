// Renderer: builds Mustache data from domain values and renders page template + layout.
#include "themes/renderer.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "common/fnv1a.h"
#include "common/text.h"
#include "common/time.h"
#include "content/authors.h"
#include "themes/comment_html.h"
#include "themes/markup.h"
#include "themes/page_head.h"
#include "themes/structured_data.h"

namespace gazette::themes {
namespace mus = kainjow::mustache;

namespace {

constexpr const char* kRequired[] = {"layout", "article", "list", "error", "search", "page"};
constexpr std::size_t kRelatedExcerptChars = 90;
constexpr std::size_t kCardExcerptChars = 200;

// Parsed templates, per thread: kainjow's render is not const, so threads must not share one.
const mus::mustache& Parsed(const std::map<std::string, std::string>& templates, const std::string& name) {
  thread_local std::unordered_map<const void*, std::unordered_map<std::string, std::unique_ptr<mus::mustache>>> cache;
  auto& slot = cache[&templates][name];
  if (!slot) slot = std::make_unique<mus::mustache>(templates.at(name));
  return *slot;
}

std::string Render(const std::map<std::string, std::string>& templates, const std::string& name, mus::data& data) {
  return const_cast<mus::mustache&>(Parsed(templates, name)).render(data);
}

// Replaces each {{> _name}} with the partial's source, recursively, once at load time: the
// template engine would otherwise parse every partial again on every render. Partials are the
// templates whose names start with '_'.
Status ExpandPartials(std::map<std::string, std::string>& templates) {
  static const std::regex tag(R"(\{\{>\s*([A-Za-z0-9_-]+)\s*\}\})");
  for (auto& [name, source] : templates) {
    for (int depth = 0;; ++depth) {
      std::smatch m;
      if (!std::regex_search(source, m, tag)) break;
      if (depth > 32) return Error::Invalid("Template " + name + " includes partials too deeply (a cycle?)");
      std::string expanded;
      std::string::const_iterator from = source.cbegin();
      for (std::sregex_iterator it(source.cbegin(), source.cend(), tag), end; it != end; ++it) {
        auto partial = templates.find((*it)[1].str());
        if (partial == templates.end() || !partial->first.starts_with('_'))
          return Error::Invalid("Template " + name + " includes an unknown partial " + (*it)[1].str());
        expanded.append(from, (*it)[0].first);
        expanded += partial->second;
        from = (*it)[0].second;
      }
      expanded.append(from, source.cend());
      source = std::move(expanded);
    }
  }
  return Status::Ok();
}

mus::data TagData(const content::Tag& tag) {
  mus::data d;
  d.set("name", tag.name);
  d.set("url", text::EncodePath("/tag/" + tag.slug + "/"));
  return d;
}

// The byline's names, each with its author page and the words before it ("", ", ", " and ").
mus::data BylineData(const std::vector<content::Author>& authors) {
  mus::data list{mus::data::type::list};
  for (std::size_t i = 0; i < authors.size(); ++i) {
    mus::data a;
    a.set("name", authors[i].name);
    a.set("url", content::AuthorPath(authors[i]));
    if (i > 0) a.set("before", i + 1 == authors.size() ? " and " : ", ");
    list.push_back(std::move(a));
  }
  return list;
}

mus::data CardData(const content::Permalink& permalink, const content::ArticleSummary& a, std::size_t excerpt_chars) {
  mus::data d;
  d.set("title", a.title);
  d.set("url", text::EncodePath(permalink.PathFor(a)));
  d.set("excerpt", text::Excerpt(a.excerpt, excerpt_chars));
  d.set("author", a.author);
  d.set("date_iso", FormatIso8601(a.published_at));
  d.set("date_human", FormatHumanDate(a.published_at));
  if (a.primary_tag) d.set("tag", TagData(*a.primary_tag));
  return d;
}

mus::data CommentData(const comments::Comment& c) {
  mus::data d;
  d.set("id", std::to_string(c.id));
  d.set("name", c.name);
  if (!c.website.empty()) d.set("website", c.website);
  d.set("date_iso", FormatIso8601(c.created_at));
  d.set("date_human", FormatHumanDate(c.created_at));
  SetHtml(d, "body_html", CommentBodyHtml(c.body));
  return d;
}

// One entry of the threaded list: the comment, its avatar, its Reply link and the markup that
// opens or closes a level of replies (Mustache has no recursion, so nesting is spelled out).
mus::data ThreadData(const comments::ThreadEntry& e, const std::map<comments::CommentId, SafeHtml>& avatars) {
  mus::data d = CommentData(*e.comment);
  d.set("depth", std::to_string(e.depth));
  if (auto it = avatars.find(e.comment->id); it != avatars.end()) SetHtml(d, "avatar_svg", it->second);
  if (e.can_reply) d.set("can_reply", true);
  if (e.has_children) d.set("has_children", true);
  mus::data closes{mus::data::type::list};
  for (int i = 0; i < e.closes; ++i) closes.push_back(mus::data());
  d.set("closes", closes);
  return d;
}

mus::data FieldData(const CommentFormState& form, const std::string& name, const std::string& value) {
  mus::data d;
  d.set("value", text::SanitizeUtf8(value));
  auto it = form.field_errors.find(name);
  if (it != form.field_errors.end()) d.set("error", it->second);
  return d;
}

mus::data FormData(const CommentFormState& form, content::ArticleId article_id) {
  mus::data d;
  d.set("article_id", std::to_string(article_id));
  d.set("token", form.token);
  d.set("comment", FieldData(form, "comment", form.comment));
  d.set("name", FieldData(form, "name", form.name));
  d.set("email", FieldData(form, "email", form.email));
  d.set("website", FieldData(form, "website", form.website));
  if (!form.message.empty()) d.set("message", form.message);
  if (!form.field_errors.empty()) d.set("has_errors", true);
  if (!form.parent.empty()) {
    d.set("parent", form.parent);
    d.set("replying_to", form.replying_to.empty() ? std::string("a comment") : form.replying_to);
  }
  return d;
}

mus::data PageLink(const std::string& base, int page) {
  mus::data d;
  d.set("url", text::EncodePath(page == 1 ? base : base + "page/" + std::to_string(page) + "/"));
  d.set("number", std::to_string(page));
  return d;
}

}  // namespace

Result<std::unique_ptr<Renderer>> Renderer::Load(const std::string& theme_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(theme_dir, ec)) return Error::Unavailable("Theme folder not found: " + theme_dir);
  std::map<std::string, std::string> templates;
  for (const auto& entry : fs::directory_iterator(theme_dir, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string name = entry.path().stem().string();
    mus::mustache check(buf.str());
    if (!check.is_valid())
      return Error::Invalid("Template " + entry.path().string() + " does not parse: " + check.error_message());
    if (auto st = CheckUnescaped(entry.path().string(), buf.str()); !st) return st.error();
    templates[name] = buf.str();
  }
  for (const char* name : kRequired)
    if (!templates.contains(name)) return Error::Unavailable(std::string("Theme is missing ") + name + ".mustache");
  if (auto st = ExpandPartials(templates); !st) return st.error();
  // FNV-1a over the static files' names and bytes: stable across runs, unlike std::hash.
  Fnv1a hash;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(StaticDir(theme_dir), ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << file.filename().string() << in.rdbuf();
    hash.Add(buf.str());
  }
  return std::unique_ptr<Renderer>(new Renderer(std::move(templates), hash.Hex().substr(0, 10)));
}

namespace {

std::string RenderPage(const std::map<std::string, std::string>& templates, const std::string& asset_version,
                       const std::string& name, const content::SiteSettings& site, mus::data page,
                       const PageHead& head) {
  mus::data site_data;
  site_data.set("title", site.title);
  site_data.set("description", site.description);
  site_data.set("language", site.language);
  site_data.set("url", site.url);
  page.set("site", site_data);
  const std::string content = Render(templates, name, page);
  mus::data layout = HeadData(site, head);
  layout.set("site", site_data);
  // The navigation menu, on every page (a plain list of links: no JavaScript needed).
  mus::data sections{mus::data::type::list};
  for (const auto& t : site.sections) {
    mus::data link = TagData(t);
    if (head.path == "/tag/" + t.slug + "/") link.set("current", true);
    sections.push_back(std::move(link));
  }
  if (!site.sections.empty()) layout.set("sections", mus::data(mus::data::type::bool_true));
  layout.set("section_links", sections);
  SetHtml(layout, "content", SafeHtml::Trusted(content));  // rendered by the engine, which escaped every value
  layout.set("asset_version", asset_version);
  return Render(templates, "layout", layout);
}

// "/tag/x/" for page 1, "/tag/x/page/N/" after; "" for a page that does not exist.
std::string ListPath(const std::string& base, int page, int total_pages) {
  if (page < 1 || page > std::max(total_pages, 1)) return "";
  return page == 1 ? base : base + "page/" + std::to_string(page) + "/";
}

PageHead ArticleHead(const content::SiteSettings& site, const content::Permalink& permalink, const ArticlePage& page) {
  const content::Article& a = *page.article;
  PageHead head;
  head.title = a.title + " | " + site.title;
  head.description = text::Excerpt(a.excerpt, 155);
  head.path = permalink.PathFor(a);
  // A page with a visitor's own text or a notice for them is theirs, not the article's.
  head.robots = page.personal ? "noindex" : "max-image-preview:large";
  head.og_type = "article";
  head.og_title = a.title;
  if (page.share_image) head.image = *page.share_image;
  ArticleMeta meta;
  meta.published_at = a.published_at;
  meta.modified_at = content::LastEdited(a);
  for (const auto& author : a.authors) meta.author_urls.push_back(content::AuthorPath(author));
  if (const content::Tag* tag = a.PrimaryTag()) meta.section = tag->name;
  for (const auto& t : a.tags) meta.tags.push_back(t.name);
  head.article = std::move(meta);
  std::vector<std::string> images = page.schema_images;
  if (images.empty() && !site.default_image.empty()) images.push_back(site.default_image);
  head.structured_data = JsonLdScript(NewsArticleData(site, a, head.path, images));
  head.structured_data += JsonLdScript(BreadcrumbData(site, a, head.path));
  return head;
}

}  // namespace

std::string Renderer::Article(const content::SiteSettings& site, const content::Permalink& permalink,
                              const ArticlePage& page) const {
  const content::Article& a = *page.article;
  mus::data d;
  d.set("id", std::to_string(a.id));
  d.set("title", a.title);
  d.set("author", a.author);
  d.set("authors", BylineData(a.authors));
  d.set("date_iso", FormatIso8601(a.published_at));
  d.set("date_human", FormatHumanDate(a.published_at));
  if (content::WasUpdated(a)) {
    const UnixTime edited = content::LastEdited(a);
    mus::data updated;
    updated.set("iso", FormatIso8601(edited));
    updated.set("human", FormatHumanDate(edited) + ", " + FormatIso8601(edited).substr(11, 5) + " UTC");
    d.set("updated", updated);
  }
  mus::data corrections{mus::data::type::list};
  for (const auto& c : a.corrections) {
    mus::data note;
    note.set("note", c.note);
    note.set("date_iso", FormatIso8601(c.at));
    note.set("date_human", FormatHumanDate(c.at));
    corrections.push_back(std::move(note));
  }
  d.set("corrections", corrections);
  if (!a.corrections.empty()) d.set("has_corrections", true);
  SetHtml(d, "body_html", SafeHtml::Trusted(a.html));  // stored as the Markdown renderer made it
  if (!page.featured_html.empty()) SetHtml(d, "featured_html", page.featured_html);
  if (const content::Tag* tag = a.PrimaryTag()) d.set("tag", TagData(*tag));
  mus::data other_tags{mus::data::type::list};
  for (std::size_t i = 1; i < a.tags.size(); ++i) other_tags.push_back(TagData(a.tags[i]));
  d.set("other_tags", other_tags);
  if (a.tags.size() > 1) d.set("has_other_tags", true);
  d.set("comment_count", std::to_string(page.comments.size()));
  mus::data comment_list{mus::data::type::list};
  for (const auto& e : comments::BuildThread(page.comments, page.thread_depth))
    comment_list.push_back(ThreadData(e, page.avatars));
  d.set("comments", comment_list);
  if (page.comments.empty()) d.set("no_comments", true);
  const bool has_text = !page.form.comment.empty() || !page.form.message.empty() || !page.form.field_errors.empty();
  if (!page.comments_closed || has_text) d.set("form", FormData(page.form, a.id));
  if (page.comments_closed) d.set("comments_closed", true);
  if (page.awaiting_moderation) d.set("awaiting_moderation", true);
  // A refused form opens the comments so the visitor sees their text and the errors.
  if (!page.form.field_errors.empty() || !page.form.message.empty()) d.set("form_has_problem", true);
  mus::data related{mus::data::type::list};
  for (const auto& r : page.related) related.push_back(CardData(permalink, r, kRelatedExcerptChars));
  d.set("related", related);
  if (!page.related.empty()) d.set("has_related", true);
  return RenderPage(templates_, asset_version_, "article", site, std::move(d), ArticleHead(site, permalink, page));
}

std::string Renderer::Page(const content::SiteSettings& site, const content::Permalink& permalink,
                           const StaticPage& page) const {
  const content::Article& a = *page.page;
  mus::data d;
  d.set("id", std::to_string(a.id));
  d.set("title", a.title);
  SetHtml(d, "body_html", SafeHtml::Trusted(a.html));  // stored as the Markdown renderer made it
  if (!page.featured_html.empty()) SetHtml(d, "featured_html", page.featured_html);
  PageHead head;
  head.title = a.title + " | " + site.title;
  head.description = text::Excerpt(a.excerpt, 155);
  head.path = permalink.PathFor(a);
  head.og_type = "website";
  head.og_title = a.title;
  if (page.share_image) head.image = *page.share_image;
  return RenderPage(templates_, asset_version_, "page", site, std::move(d), head);
}

std::string Renderer::List(const content::SiteSettings& site, const content::Permalink& permalink,
                           const ListPage& page) const {
  const content::ArticleList& list = *page.list;
  mus::data d;
  if (!page.heading.empty()) d.set("heading", page.heading);
  if (page.author) {
    mus::data author;
    if (!page.author->bio.empty()) author.set("bio", page.author->bio);
    if (!page.author_photo_html.empty()) SetHtml(author, "photo_html", page.author_photo_html);
    author.set("feed_url", text::EncodePath(page.base_path + "feed/"));
    d.set("author", author);
  }
  mus::data cards{mus::data::type::list};
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    mus::data card = CardData(permalink, list.items[i], kCardExcerptChars);
    if (i < page.card_images.size() && !page.card_images[i].empty()) SetHtml(card, "image_html", page.card_images[i]);
    cards.push_back(std::move(card));
  }
  d.set("articles", cards);
  if (list.items.empty()) d.set("empty", true);
  if (list.total_pages > 1) {
    mus::data pagination;
    pagination.set("page", std::to_string(list.page));
    pagination.set("total_pages", std::to_string(list.total_pages));
    if (list.page > 1) pagination.set("prev", PageLink(page.base_path, list.page - 1));
    if (list.page < list.total_pages) pagination.set("next", PageLink(page.base_path, list.page + 1));
    d.set("pagination", pagination);
  }
  PageHead head;
  head.title = page.heading.empty() ? site.title : page.heading + " | " + site.title;
  if (list.page > 1) head.title += " (page " + std::to_string(list.page) + ")";
  head.description = page.description;
  head.path = ListPath(page.base_path, list.page, list.total_pages);
  head.prev_path = ListPath(page.base_path, list.page - 1, list.total_pages);
  head.next_path = ListPath(page.base_path, list.page + 1, list.total_pages);
  head.og_type = page.author ? "profile" : "website";
  head.og_title = page.heading.empty() ? site.title : page.heading;
  if (!page.feed_title.empty()) head.feeds = FeedLinks(page.feed_title, page.base_path);
  if (page.base_path == "/" && list.page == 1) {
    head.structured_data = JsonLdScript(WebSiteData(site));
    head.structured_data += JsonLdScript(OrganizationData(site));
  }
  return RenderPage(templates_, asset_version_, "list", site, std::move(d), head);
}

std::string Renderer::Error(const content::SiteSettings& site, int status, const std::string& title,
                            const std::string& message) const {
  mus::data d;
  d.set("status", std::to_string(status));
  d.set("title", title);
  d.set("message", message);
  PageHead head;
  head.title = title + " | " + site.title;
  head.description = message;
  head.robots = "noindex";
  return RenderPage(templates_, asset_version_, "error", site, std::move(d), head);
}

std::string Renderer::Search(const content::SiteSettings& site, const content::Permalink& permalink,
                             const SearchView& view) const {
  const search::SearchPage& p = *view.page;
  mus::data d;
  d.set("input", p.query.input);
  d.set("from", p.from);
  d.set("to", p.to);
  mus::data tags{mus::data::type::list};
  for (const auto& t : view.tags) {
    mus::data tag;
    tag.set("name", t.name);
    tag.set("slug", t.slug);
    if (t.slug == p.tag_slug) tag.set("selected", true);
    tags.push_back(tag);
  }
  d.set("tags", tags);
  if (!view.tags.empty()) d.set("has_tags", true);
  mus::data authors{mus::data::type::list};
  for (const auto& a : view.authors) {
    mus::data author;
    author.set("name", a.name);
    author.set("slug", a.slug);
    if (a.slug == p.author_slug) author.set("selected", true);
    authors.push_back(author);
  }
  d.set("authors", authors);
  if (view.authors.size() > 1) d.set("has_authors", true);
  mus::data notes{mus::data::type::list};
  for (const auto& n : p.notes) notes.push_back(mus::data(n));
  d.set("notes", notes);
  if (p.searched) {
    d.set("searched", true);
    std::string count = p.total == 0   ? "No articles match your search."
                        : p.total == 1 ? "1 article matches your search."
                                       : std::to_string(p.total) + " articles match your search.";
    if (p.matched_any)
      count = "No article has all of these words. " + std::to_string(p.total) +
              (p.total == 1 ? " article has" : " articles have") + " some of them.";
    d.set("count_text", count);
  }
  mus::data hits{mus::data::type::list};
  for (const auto& h : p.hits) {
    mus::data hit = CardData(permalink, h.article, kCardExcerptChars);
    SetHtml(hit, "title_html", search::HighlightToHtml(h.title));
    SetHtml(hit, "snippet_html", search::HighlightToHtml(h.snippet));
    hits.push_back(hit);
  }
  d.set("hits", hits);
  if (!p.hits.empty()) d.set("has_hits", true);
  if (p.total_pages > 1) {
    mus::data pagination;
    pagination.set("page", std::to_string(p.page));
    pagination.set("total_pages", std::to_string(p.total_pages));
    if (!view.prev_url.empty()) pagination.set("prev", view.prev_url);
    if (!view.next_url.empty()) pagination.set("next", view.next_url);
    d.set("pagination", pagination);
  }
  std::string title = p.query.input.empty() ? "Search" : "Search: " + p.query.input;
  if (p.page > 1) title += " (page " + std::to_string(p.page) + ")";
  PageHead head;
  head.title = title + " | " + site.title;
  head.description = "Search the articles of " + site.title;
  head.robots = "noindex";  // results are a visitor's query, not content of their own
  head.og_type = "website";
  head.og_title = title;
  return RenderPage(templates_, asset_version_, "search", site, std::move(d), head);
}

}  // namespace gazette::themes
