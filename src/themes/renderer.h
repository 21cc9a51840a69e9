// Renderer: turns page inputs into HTML through the theme's Mustache templates.
// Escaping happens here, in one place: every {{value}} is HTML-escaped by the template engine and
// the only unescaped values ({{{...}}}) are HTML this file or cmark-gfm produced.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "comments/comment.h"
#include "comments/thread.h"
#include "common/result.h"
#include "common/safe_html.h"
#include "content/article.h"
#include "content/article_service.h"
#include "content/permalink.h"
#include "content/site_settings.h"
#include "search/search_service.h"
#include "themes/page_head.h"

namespace gazette::themes {

// What the comment form shows: the visitor's values and any errors, kept across a refusal.
struct CommentFormState {
  std::string comment, name, email, website;
  std::string token;
  std::map<std::string, std::string> field_errors;  // field name -> message
  std::string message;                              // an error about the whole form
  std::string parent;                               // the comment replied to (id), if any
  std::string replying_to;                          // that comment's author, shown above the form
};

struct ArticlePage {
  const content::Article* article = nullptr;
  std::vector<comments::Comment> comments;          // approved, oldest first
  int thread_depth = 3;                             // replies nest this deep (comments/thread.h)
  std::map<comments::CommentId, SafeHtml> avatars;  // identicon SVG per comment
  bool comments_closed = false;                     // say so instead of showing the form (unless it holds text)
  std::vector<content::ArticleSummary> related;
  SafeHtml featured_html;  // the featured image's <figure> (media/media.h), or ""
  // The featured image for link previews (og:image: its largest file, with size and alt text),
  // or none; and for structured data: its crops (16:9, 4:3, 1:1), or its largest file when it
  // has none yet. Site-relative paths. Without a featured image, the site's default image.
  std::optional<ShareImage> share_image;
  std::vector<std::string> schema_images;
  CommentFormState form;
  bool awaiting_moderation = false;  // show the "awaiting moderation" notice
  bool personal = false;             // a page with a visitor's text or a notice for them: noindex
};

// A static page (content/pages.h): its headline and body, and its featured image if it has one;
// no byline, date, comments or related list.
struct StaticPage {
  const content::Article* page = nullptr;
  SafeHtml featured_html;                 // the featured image's <figure>, or ""
  std::optional<ShareImage> share_image;  // og:image, as for an article
};

struct ListPage {
  std::string heading;  // empty on the home page
  std::string description;
  const content::ArticleList* list = nullptr;
  std::string base_path;  // "/" (the home page) or "/tag/slug/"; pages are base_path + "page/N/"
  // Per item of `list`, in its order: the card's image, a <picture> (media/media.h), or "" for a
  // card without one. Shorter than the list when the last cards have none.
  std::vector<SafeHtml> card_images;
  // On an author's page: who they are (their biography) and their photo (a <picture>, or "").
  const content::AuthorProfile* author = nullptr;
  SafeHtml author_photo_html;
  // The list's own feeds (a tag's, an author's), announced beside the site's.
  std::string feed_title;  // "" for none
};

struct SearchView {
  const search::SearchPage* page = nullptr;
  std::vector<content::Tag> tags;        // offered in the tag filter
  std::vector<content::Author> authors;  // offered in the author filter
  std::string prev_url, next_url;  // links to the neighbouring pages of results, if any
};

class Renderer {
 public:
  // Loads every *.mustache file of `theme_dir`. kUnavailable if the folder or a required
  // template is missing, kInvalidArgument if a template does not parse.
  static Result<std::unique_ptr<Renderer>> Load(const std::string& theme_dir);

  // The theme's folder of static assets (served under /static/).
  static std::string StaticDir(const std::string& theme_dir) { return theme_dir + "/static"; }

  std::string Article(const content::SiteSettings& site, const content::Permalink& permalink,
                      const ArticlePage& page) const;
  // A static page, through the theme's page.mustache.
  std::string Page(const content::SiteSettings& site, const content::Permalink& permalink,
                   const StaticPage& page) const;
  std::string List(const content::SiteSettings& site, const content::Permalink& permalink, const ListPage& page) const;
  std::string Error(const content::SiteSettings& site, int status, const std::string& title,
                    const std::string& message) const;
  // The search page: the form with its filters, notes, the count and the highlighted results.
  std::string Search(const content::SiteSettings& site, const content::Permalink& permalink,
                     const SearchView& view) const;

 private:
  Renderer(std::map<std::string, std::string> templates, std::string asset_version)
      : templates_(std::move(templates)), asset_version_(std::move(asset_version)) {}

  std::map<std::string, std::string> templates_;  // name (file name without .mustache) -> source
  std::string asset_version_;                     // changes when a file under static/ changes; busts browser caches
};

}  // namespace gazette::themes
