// ArticlePages: every GET that is not another route's: the home page, tag and author archives,
// article pages, static pages, and 301s from the addresses an article had before.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/safe_html.h"
#include "http/reader_pages.h"

namespace gazette::http {

class ArticlePages : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;

  // Home, tag archives, article pages and their redirects. Never throws for bad input.
  Response Page(const Request& req) const;
  // The article page with `form` in its comment form: 200 for a reader's GET (cached unless
  // `awaiting`, a notice to them, or a reply form), or a refusal's status with their text kept.
  Response ArticlePage(const content::Article& article, themes::CommentFormState form, bool awaiting, int status) const;

 private:
  Response Home(int page) const;
  Response TagArchive(const std::string& slug, int page) const;
  // /author/SLUG/: the author's name, biography and photo, their articles, their feed.
  Response AuthorArchive(const std::string& slug, int page) const;
  // "/?p=ID" (the feeds' stable item ids, and WordPress's short links): a 301 to the article.
  std::optional<Response> ShortLink(const Request& req) const;
  // The cards' featured images (themes::ListPage::card_images), looked up in the media library;
  // the first card's is loaded at once, being at the top of the page.
  Result<std::vector<SafeHtml>> CardImages(const content::ArticleList& list) const;
  std::optional<Response> ArticleAt(const Request& req) const;
  // The published page at `path` ("/about/team/"), or nullopt when there is none: tried after
  // every other route, just before the redirects and the 404.
  std::optional<Response> StaticPageAt(const std::string& path) const;
  // Longer paths cannot name a page (content/pages.h bounds a page's path).
  static constexpr std::size_t kMaxPagePathBytes = 512;
  // An address an article had under an earlier permalink pattern or an earlier slug (the slug
  // last): a 301 to where it is now. Links and search engines keep working after either changes.
  std::optional<Response> MovedArticle(const std::string& path) const;
  // The page's comments: thread depth, avatars, closed state and the reply form (?replytocom=ID).
  Status FillComments(themes::ArticlePage& page, themes::CommentFormState& form) const;
};

}  // namespace gazette::http
