// ReaderPages: the reader's error pages, in one place.
#include "http/reader_pages.h"

#include <spdlog/spdlog.h>

#include "http/errors.h"

namespace gazette::http {

Response Html(int status, std::string body, const char* cache_control, const char* route,
              std::vector<std::string> cache_tags) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.Header("Cache-Control", cache_control);
  r.route = route;
  r.cache_tags = std::move(cache_tags);
  return r;
}

Response ReaderPages::Failure(const Request&) const {
  return ErrorPage(500, "Something went wrong", "We could not show this page. Please try again in a moment.");
}

Response ReaderPages::ErrorPage(int status, const std::string& title, const std::string& message) const {
  const auto site = d_.site.Current();
  return Html(status, d_.renderer.Error(site->settings, status, title, message), "no-store",
              status == 404 ? "not_found" : "error");
}

Response ReaderPages::Failed(const Error& error) const {
  if (error.code == ErrorCode::kNotFound) return NotFound();
  spdlog::error("reader: {}", error.message);
  Response r =
      error.code == ErrorCode::kUnavailable
          ? ErrorPage(503, "Please try again", "This page cannot be shown just now. Please try again in a moment.")
          : ErrorPage(StatusFor(error.code), "Something went wrong",
                      "We could not show this page. Please try again in a moment.");
  MarkAsError(r, error.code);
  return r;
}

Result<content::Article> ReaderPages::PublishedArticle(const content::PermalinkMatch& match) const {
  auto article = match.id ? d_.articles.Get(*match.id) : d_.articles.GetPublished(match.slug);
  if (article && !article->IsPublished()) return Error::NotFound("No such article.");
  return article;
}

Result<std::optional<media::MediaItem>> ReaderPages::FeaturedMedia(const content::FeaturedImage& image) const {
  auto item = d_.media.FindById(image.media_id);
  if (!item && item.error().code == ErrorCode::kNotFound) return std::optional<media::MediaItem>();
  if (!item) return item.error();
  return std::optional<media::MediaItem>(std::move(*item));
}

Response ReaderPages::NotFound() const {
  return ErrorPage(404, "Page not found",
                   "There is no page at this address. It may have moved, or the link may be mistyped.");
}

}  // namespace gazette::http
