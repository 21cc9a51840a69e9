// The Content API's routes. A handler reads the request into plain values (api_listing.h), asks
// the services, and maps the result with api_json.h; what it reads decides its cache tags.
#include "http/content_api.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "common/numbers.h"
#include "common/text.h"
#include "content/pages.h"
#include "http/api_json.h"
#include "http/errors.h"

namespace gazette::http {
namespace {

constexpr const char* kRoute = "content_api";
constexpr std::string_view kPrefix = "/api/v1/";

nlohmann::json ErrorBody(int status, const std::string& message, const std::string& field) {
  nlohmann::json e = {{"status", status}, {"message", message}};
  if (!field.empty()) e["field"] = field;
  return {{"error", std::move(e)}};
}

// "articles/12/comments/" -> {"articles", "12", "comments"}.
std::vector<std::string> Segments(std::string_view rest) {
  std::vector<std::string> out;
  for (auto& s : text::SplitTrimmed(rest, '/'))
    if (!s.empty()) out.push_back(std::string(s));
  return out;
}

// page, per_page and fields of a list that is paged in memory.
struct Paging {
  int page = 1, per_page = 1;
  std::vector<std::string> fields;
};

Result<Paging> ReadPaging(const Request& req, int default_per_page) {
  auto page = ApiInt(req, "page", 1, 1, kApiMaxPage);
  if (!page) return page.error();
  auto per_page = ApiInt(req, "per_page", default_per_page, 1, kApiMaxPerPage);
  if (!per_page) return per_page.error();
  auto fields = ApiFieldList(req, "fields");
  if (!fields) return fields.error();
  return Paging{*page, *per_page, std::move(*fields)};
}

}  // namespace

Response ContentApi::Fail(const Error& error) {
  if (error.code != ErrorCode::kNotFound && error.code != ErrorCode::kInvalidArgument)
    spdlog::error("content api: {}", error.message);
  const std::string message = error.code == ErrorCode::kNotFound || error.code == ErrorCode::kInvalidArgument
                                  ? error.message
                                  : "The content could not be read just now. Please try again.";
  // A bad query parameter is a bad request (400), not a form's invalid field (422).
  if (error.code == ErrorCode::kInvalidArgument) return ApiJsonError(400, ErrorBody(400, message, error.field), kRoute);
  return ApiJsonError(error.code, ErrorBody(StatusFor(error.code), message, error.field), kRoute);
}

Response ContentApi::Handle(const Request& req) const {
  if (req.method == "OPTIONS") return ApiPreflight(kRoute);
  if (req.method != "GET") {
    Response r = ApiJsonError(405, ErrorBody(405, "The Content API is read-only: use GET.", ""), kRoute);
    r.Header("Allow", "GET, HEAD, OPTIONS");
    return r;
  }
  std::string_view path = req.path;
  if (!path.starts_with(kPrefix)) return Fail(Error::NotFound("No such API route."));
  return Route(req, path.substr(kPrefix.size()));
}

Response ContentApi::Route(const Request& req, std::string_view rest) const {
  const auto s = Segments(rest);
  if (s.size() == 1 && s[0] == "articles") return Articles(req, Collection::kPosts);
  if (s.size() == 1 && s[0] == "pages") return Articles(req, Collection::kPages);
  if (s.size() == 2 && s[0] == "articles") return OneArticle(req, s[1], Collection::kPosts);
  if (s.size() >= 2 && s.size() <= 1 + content::kMaxPageDepth && s[0] == "pages") {
    std::string path = s[1];  // a page's id, or its path: /api/v1/pages/about/team
    for (std::size_t i = 2; i < s.size(); ++i) path += "/" + s[i];
    return OneArticle(req, path, Collection::kPages);
  }
  if (s.size() == 3 && s[0] == "articles" && s[2] == "comments") return Comments(req, s[1]);
  if (s.size() == 1 && s[0] == "comments") {
    auto ref = ApiParam(req, "article");
    if (!ref) return Fail(ref.error());
    if (!*ref) return Fail(Error::Invalid("Say which article: /api/v1/comments?article=ID or slug.", "article"));
    return Comments(req, **ref);
  }
  if (s.size() == 1 && s[0] == "tags") return Tags(req);
  if (s.size() == 1 && s[0] == "authors") return Authors(req);
  return Fail(Error::NotFound("No such API route. Try /api/v1/articles."));
}

Result<content::Article> ContentApi::Published(std::string_view ref, Collection collection) const {
  const bool page = collection == Collection::kPages;
  const char* missing = page ? "No such page." : "No such article.";
  auto id = ParseId(ref);
  auto article = id ? d_.articles.Get(*id) : page ? d_.articles.GetPublishedPage(ref) : d_.articles.GetPublished(ref);
  if (!article) {
    if (article.error().code == ErrorCode::kNotFound) return Error::NotFound(missing);
    return article.error();
  }
  if (!article->IsPublished() || article->IsPage() != page) return Error::NotFound(missing);
  return article;
}

Response ContentApi::List(const Request& req, nlohmann::json data, int page, int per_page, std::size_t total,
                          std::vector<std::string> cache_tags) const {
  const int total_pages = TotalPages(total, per_page);
  nlohmann::json body = {
      {"data", std::move(data)},
      {"meta", {{"page", page}, {"per_page", per_page}, {"total", total}, {"total_pages", total_pages}}}};
  Response r = ApiJson(body, kRoute, std::move(cache_tags));
  const auto site = d_.site.Current();
  if (auto links = PageLinks(site->settings.url + req.path, req, page, total_pages); !links.empty())
    r.Header("Link", links);
  return r;
}

Response ContentApi::Articles(const Request& req, Collection collection) const {
  auto params = ReadListParams(req, d_.site.Current()->settings.page_size);
  if (!params) return Fail(params.error());
  auto tag = ApiParam(req, "tag");
  auto author = tag ? ApiParam(req, "author") : tag;
  auto fields = ApiFieldList(req, "fields");
  if (!tag) return Fail(tag.error());
  if (!author) return Fail(author.error());
  if (!fields) return Fail(fields.error());
  if (*tag) params->tag_slug = text::Slugify(**tag);
  if (*author) params->author_slug = text::Slugify(**author);
  auto found = ListArticles(d_, collection, *params);
  if (!found) return Fail(found.error());
  const auto site = d_.site.Current();
  const bool with_html = std::find(fields->begin(), fields->end(), "html") != fields->end();
  nlohmann::json data = nlohmann::json::array();
  for (const auto& summary : found->items) {
    // Lists show every author and tag, so each article is read whole (a page is at most 100).
    auto a = d_.articles.Get(summary.id);
    if (!a) return Fail(a.error());
    std::optional<media::MediaItem> image;
    if (a->featured_image) {
      auto item = FeaturedMedia(*a->featured_image);
      if (!item) return Fail(item.error());
      image = std::move(*item);
    }
    data.push_back(SelectFields(ArticleJson(*site, *a, image, with_html), *fields));
  }
  return List(req, std::move(data), params->page, params->per_page, static_cast<std::size_t>(found->total), {"lists"});
}

Response ContentApi::OneArticle(const Request& req, std::string_view ref, Collection collection) const {
  auto fields = ApiFieldList(req, "fields");
  if (!fields) return Fail(fields.error());
  auto a = Published(ref, collection);
  if (!a) return Fail(a.error());
  std::optional<media::MediaItem> image;
  if (a->featured_image) {
    auto item = FeaturedMedia(*a->featured_image);
    if (!item) return Fail(item.error());
    image = std::move(*item);
  }
  const auto site = d_.site.Current();
  return ApiJson({{"data", SelectFields(ArticleJson(*site, *a, image, true), *fields)}}, kRoute,
                 {"article:" + std::to_string(a->id)});
}

Response ContentApi::Comments(const Request& req, std::string_view article_ref) const {
  auto p = ReadPaging(req, 50);
  if (!p) return Fail(p.error());
  auto a = Published(article_ref, Collection::kPosts);
  if (!a) return Fail(a.error());
  auto approved = d_.comments.Approved(a->id);
  if (!approved) return Fail(approved.error());
  const auto site = d_.site.Current();
  const std::string url = site->settings.url + text::EncodePath(site->permalink.PathFor(*a));
  nlohmann::json data = nlohmann::json::array();
  for (const auto& c : PageOf(*approved, p->page, p->per_page))
    data.push_back(SelectFields(CommentJson(url, c), p->fields));
  const std::string id = std::to_string(a->id);
  return List(req, std::move(data), p->page, p->per_page, approved->size(), {"article:" + id, "comments:" + id});
}

Response ContentApi::Tags(const Request& req) const {
  auto p = ReadPaging(req, kApiMaxPerPage);
  if (!p) return Fail(p.error());
  auto tags = d_.articles.ListTags();
  if (!tags) return Fail(tags.error());
  auto counts = d_.articles.PublishedTags();
  if (!counts) return Fail(counts.error());
  std::map<std::string, int> count_by_slug;
  for (const auto& g : *counts) count_by_slug[g.key] = g.count;
  const auto site = d_.site.Current();
  nlohmann::json data = nlohmann::json::array();
  for (const auto& t : PageOf(*tags, p->page, p->per_page))
    data.push_back(SelectFields(TagJson(site->settings, t, count_by_slug[t.slug]), p->fields));
  return List(req, std::move(data), p->page, p->per_page, tags->size(), {"lists"});
}

Response ContentApi::Authors(const Request& req) const {
  auto p = ReadPaging(req, kApiMaxPerPage);
  if (!p) return Fail(p.error());
  auto authors = d_.articles.ListAuthors();
  if (!authors) return Fail(authors.error());
  const auto site = d_.site.Current();
  nlohmann::json data = nlohmann::json::array();
  for (const auto& author : PageOf(*authors, p->page, p->per_page)) {
    std::optional<media::MediaItem> photo;
    if (author.photo_media_id) {
      auto item = FeaturedMedia(content::FeaturedImage{*author.photo_media_id, "", ""});
      if (!item) return Fail(item.error());
      photo = std::move(*item);
    }
    data.push_back(SelectFields(AuthorJson(site->settings, author, photo), p->fields));
  }
  return List(req, std::move(data), p->page, p->per_page, authors->size(), {"lists"});
}

}  // namespace gazette::http
