// ArticlePages: the home page, tag archives and article pages, and the redirects of moved
// addresses. Requests become plain values here (a slug, a page number) before any service is called.
#include "http/article_pages.h"

#include <spdlog/spdlog.h>

#include "comments/identicon.h"
#include "common/numbers.h"
#include "common/text.h"
#include "http/errors.h"
#include "media/crop.h"

namespace gazette::http {
namespace {

// "/page/3/" -> 3; nullopt if `rest` is not of that shape.
std::optional<int> PageNumber(std::string_view rest) {
  if (rest.empty()) return 1;
  if (!rest.starts_with("page/") || !rest.ends_with('/')) return std::nullopt;
  const auto n = ParseInteger<int>(rest.substr(5, rest.size() - 6));
  if (!n || *n < 2) return std::nullopt;
  return n;
}

// The featured image as link previews and structured data name it: the largest file for og:image,
// the crops for search engines (or that file, for an image stored before crops were made).
void ShareFeaturedImage(const media::MediaItem& item, const std::string& alt, themes::ArticlePage& page) {
  const media::Variant* largest = media::Largest(item);
  if (!largest) return;
  const int height = item.width ? item.height * largest->width / item.width : 0;
  page.share_image = themes::ShareImage{"/media/" + largest->file, largest->width, height, alt};
  for (const auto& ratio : media::kCropRatios)
    if (const media::Crop* crop = media::FindCrop(item, ratio.name))
      page.schema_images.push_back("/media/" + crop->file);
  if (page.schema_images.empty()) page.schema_images.push_back("/media/" + largest->file);
}

}  // namespace

Response ArticlePages::Page(const Request& req) const {
  const std::string& path = req.path;
  if (!text::IsValidUtf8(path)) return NotFound();
  for (std::string_view prefix : {"/tag/", "/author/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(path).substr(prefix.size());
    const std::size_t slash = rest.find('/');
    if (slash != std::string_view::npos && slash > 0)
      if (auto page = PageNumber(rest.substr(slash + 1))) {
        const std::string slug(rest.substr(0, slash));
        Response archive = prefix == "/tag/" ? TagArchive(slug, *page) : AuthorArchive(slug, *page);
        if (archive.status == 404)  // e.g. a WordPress category or tag that became another
          if (auto moved = StoredRedirect(req)) return std::move(*moved);
        return archive;
      }
  }
  if (path == "/" && req.target.find('?') != std::string::npos) {
    // An import's stored "/?p=N", "/?page_id=N", "/?cat=N": the old site's addresses, which win
    // over Gazette's own short link ?p=N and over the home page.
    if (auto moved = StoredRedirect(req)) return std::move(*moved);
    if (req.Query("p"))
      if (auto moved = ShortLink(req)) return std::move(*moved);
  }
  if (path.front() == '/')
    if (auto page = PageNumber(std::string_view(path).substr(1))) return Home(*page);
  if (auto article = ArticleAt(req)) return std::move(*article);
  if (auto page = StaticPageAt(path)) return std::move(*page);
  // "/tag/x" -> "/tag/x/": tolerate a missing trailing slash on any page that exists.
  if (!path.ends_with('/')) {
    Request slashed = req;
    slashed.path += '/';
    Response there = Page(slashed);
    if (there.status == 200) return Response::Redirect(301, text::EncodePath(slashed.path));
    if (there.status == 301) return there;  // e.g. a wrong date as well: one hop to the right page
  }
  if (auto moved = MovedArticle(path)) return std::move(*moved);
  if (auto moved = StoredRedirect(req)) return std::move(*moved);
  return NotFound();
}

std::optional<Response> ArticlePages::MovedArticle(const std::string& path) const {
  // The last segment of an old address is the slug under every pattern Gazette offers but {id},
  // and it may be a slug the article had before an editor changed it.
  std::string_view rest(path);
  while (rest.ends_with('/')) rest.remove_suffix(1);
  const std::size_t slash = rest.rfind('/');
  if (slash == std::string_view::npos || slash + 1 == rest.size()) return std::nullopt;
  auto article = d_.articles.GetPublishedByAnySlug(rest.substr(slash + 1));
  if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
  if (!article) return std::nullopt;
  const std::string canonical = d_.site.Current()->permalink.PathFor(*article);
  if (canonical == path) return std::nullopt;
  return Response::Redirect(301, text::EncodePath(canonical));
}

Response ArticlePages::Home(int page) const {
  const auto site = d_.site.Current();
  auto list = d_.articles.ListPublished(page, site->settings.page_size, std::nullopt);
  if (!list) return Failed(list.error());
  auto images = CardImages(*list);
  if (!images) return Failed(images.error());
  themes::ListPage view{"", site->settings.description, &*list, "/", std::move(*images)};
  return Html(200, d_.renderer.List(site->settings, site->permalink, view), kPageCacheControl, "home", {"lists"});
}

Response ArticlePages::TagArchive(const std::string& slug, int page) const {
  const auto site = d_.site.Current();
  auto tag = d_.articles.GetTag(slug);
  if (!tag) return Failed(tag.error());
  auto list = d_.articles.ListPublished(page, site->settings.page_size, tag->slug);
  if (!list) return Failed(list.error());
  if (list->total == 0) return NotFound();  // a tag of drafts only is not public yet
  auto images = CardImages(*list);
  if (!images) return Failed(images.error());
  themes::ListPage view{tag->name, "Articles tagged " + tag->name + " on " + site->settings.title, &*list,
                        "/tag/" + tag->slug + "/", std::move(*images)};
  view.feed_title = tag->name + " | " + site->settings.title;
  return Html(200, d_.renderer.List(site->settings, site->permalink, view), kPageCacheControl, "tag", {"lists"});
}

Response ArticlePages::AuthorArchive(const std::string& slug, int page) const {
  const auto site = d_.site.Current();
  auto author = d_.articles.GetAuthor(slug);
  if (!author) return Failed(author.error());
  if (author->published == 0) return NotFound();  // credited on drafts only: not public yet
  content::ArticleQuery filter;
  filter.author_slug = author->author.slug;
  auto list = d_.articles.ListPublished(page, site->settings.page_size, filter);
  if (!list) return Failed(list.error());
  auto images = CardImages(*list);
  if (!images) return Failed(images.error());
  const std::string& name = author->author.name;
  themes::ListPage view{name,
                        author->bio.empty() ? "Articles by " + name + " on " + site->settings.title
                                            : text::Excerpt(author->bio, 155),
                        &*list, "/author/" + author->author.slug + "/", std::move(*images)};
  view.author = &*author;
  view.feed_title = name + " | " + site->settings.title;
  if (author->photo_media_id) {
    auto photo = d_.media.FindById(*author->photo_media_id);
    if (!photo && photo.error().code != ErrorCode::kNotFound) return Failed(photo.error());
    if (photo) view.author_photo_html = media::PictureHtml(*photo, name, /*lazy=*/false, media::kCardSizes);
  }
  return Html(200, d_.renderer.List(site->settings, site->permalink, view), kPageCacheControl, "author", {"lists"});
}

std::optional<Response> ArticlePages::ShortLink(const Request& req) const {
  const auto id = ParseId(req.Query("p").value_or(""));
  if (!id) return std::nullopt;
  auto article = d_.articles.Get(*id);
  if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
  if (!article || !article->IsPublished()) return NotFound();
  return Response::Redirect(301, text::EncodePath(d_.site.Current()->permalink.PathFor(*article)));
}

Result<std::vector<SafeHtml>> ArticlePages::CardImages(const content::ArticleList& list) const {
  std::vector<SafeHtml> images(list.items.size());
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const auto& image = list.items[i].featured_image;
    if (!image) continue;
    auto item = d_.media.FindById(image->media_id);
    // An image missing from the library leaves the card without one; a failed read fails the page.
    if (!item && item.error().code != ErrorCode::kNotFound) return item.error();
    if (item) images[i] = media::PictureHtml(*item, image->alt, /*lazy=*/i != 0, media::kCardSizes);
  }
  return images;
}

std::optional<Response> ArticlePages::ArticleAt(const Request& req) const {
  const auto site = d_.site.Current();
  auto match = site->permalink.Match(req.path);
  if (!match) return std::nullopt;
  auto article = PublishedArticle(*match);
  if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
  // A page is served at its own path only (StaticPageAt), even where the pattern matches it.
  if (!article || article->IsPage()) return std::nullopt;
  if (!site->permalink.Agrees(*match, *article))
    return Response::Redirect(301, text::EncodePath(site->permalink.PathFor(*article)));
  const bool awaiting = req.Query("comment") == std::optional<std::string>("pending");
  themes::CommentFormState form;
  form.parent = req.Query("replytocom").value_or("");  // the no-JavaScript Reply link
  return ArticlePage(*article, std::move(form), awaiting, 200);
}

std::optional<Response> ArticlePages::StaticPageAt(const std::string& path) const {
  if (path.size() < 3 || path.size() > kMaxPagePathBytes || !path.starts_with('/') || !path.ends_with('/'))
    return std::nullopt;
  auto page = d_.articles.GetPublishedPage(std::string_view(path).substr(1, path.size() - 2));
  if (!page && page.error().code != ErrorCode::kNotFound) return Failed(page.error());
  if (!page) return std::nullopt;
  const auto site = d_.site.Current();
  themes::StaticPage view;
  view.page = &*page;
  if (const auto& image = page->featured_image) {
    auto item = FeaturedMedia(*image);
    if (!item) return Failed(item.error());
    if (*item) {
      view.featured_html = media::FigureHtml(**item, image->alt, image->caption);
      if (const media::Variant* largest = media::Largest(**item)) {
        const int height = (*item)->width ? (*item)->height * largest->width / (*item)->width : 0;
        view.share_image = themes::ShareImage{"/media/" + largest->file, largest->width, height, image->alt};
      }
    }
  }
  // Tagged as an article is, so that the change log's entry for its row (an edit, unpublishing)
  // drops it from the cache at once.
  return Html(200, d_.renderer.Page(site->settings, site->permalink, view), kPageCacheControl, "page",
              {"article:" + std::to_string(page->id)});
}

Response ArticlePages::ArticlePage(const content::Article& article, themes::CommentFormState form, bool awaiting,
                                   int status) const {
  const auto site = d_.site.Current();
  themes::ArticlePage page;
  page.article = &article;
  // A part that cannot be read fails the page rather than render (and cache) it without its
  // comments or related list. A visitor's refused comment (status != 200) is shown regardless,
  // so that what they typed is not lost.
  const auto part_failed = [&](const Error& e) {
    if (status == 200) return true;
    spdlog::warn("article {}: showing a refused comment without a part: {}", article.id, e.message);
    return false;
  };
  if (auto comments = d_.comments.Approved(article.id))
    page.comments = std::move(*comments);
  else if (part_failed(comments.error()))
    return Failed(comments.error());
  const bool reply_form = !form.parent.empty();
  if (auto st = FillComments(page, form); !st && part_failed(st.error())) return Failed(st.error());
  if (auto related = d_.related.For(article.id))
    page.related = std::move(*related);
  else if (part_failed(related.error()))
    return Failed(related.error());
  if (const auto& image = article.featured_image) {
    auto item = d_.media.FindById(image->media_id);
    if (item) {
      page.featured_html = media::FigureHtml(*item, image->alt, image->caption);
      ShareFeaturedImage(*item, image->alt, page);
    } else if (item.error().code != ErrorCode::kNotFound && part_failed(item.error())) {
      return Failed(item.error());
    }
  }
  // The token is the same for every render within the hour, so that the page stays byte-identical
  // for every reader and cache; it is accepted for FormTokenSigner::max_age after that.
  const UnixTime now = d_.clock.Now();
  form.token = d_.tokens.Issue(article.id, now - now % 3600);
  page.form = std::move(form);
  page.awaiting_moderation = awaiting;
  // A page with a visitor's own text or a notice for them is never cached, nor indexed.
  const bool personal = status != 200 || awaiting || reply_form;
  page.personal = personal;
  return Html(
      status, d_.renderer.Article(site->settings, site->permalink, page), personal ? "no-store" : kPageCacheControl,
      "article",
      personal ? std::vector<std::string>{} : std::vector<std::string>{"article:" + std::to_string(article.id)});
}

// The comment part of the page: thread depth, identicons, closed state, reply form.
Status ArticlePages::FillComments(themes::ArticlePage& page, themes::CommentFormState& form) const {
  auto settings = d_.comments.Settings();
  if (!settings) return settings.error();
  page.thread_depth = settings->thread_depth;
  auto open = d_.comments.IsOpen(*page.article, *settings);
  if (!open) return open.error();
  page.comments_closed = !*open;
  for (const auto& c : page.comments) page.avatars[c.id] = comments::IdenticonSvg(c.email, d_.tokens.secret());
  if (form.parent.empty()) return Status::Ok();
  // ?replytocom=ID names an approved comment of this article, or is ignored.
  for (const auto& c : page.comments)
    if (std::to_string(c.id) == form.parent) {
      form.replying_to = c.name;
      return Status::Ok();
    }
  if (form.comment.empty()) form.parent.clear();
  return Status::Ok();
}

}  // namespace gazette::http
