// /wp-json/wp/v2/comments and /media: approved comments of published articles, and the images
// published articles show (an image only a draft uses stays private, as the draft does).
#include <algorithm>
#include <set>

#include "common/numbers.h"
#include "http/wp_rest.h"

namespace gazette::http {
namespace {

// The site-wide comment list reads at most this many recent comments, as the comment feed does.
constexpr int kMaxRecentComments = 1000;
// Published articles are scanned for their images this many at a time.
constexpr int kImageScanPage = 1000;

}  // namespace

Response WpRest::Comments(const Call& call) const {
  auto page = ApiInt(call.req, "page", 1, 1, kApiMaxPage);
  if (!page) return Fail(page.error());
  auto per_page = ApiInt(call.req, "per_page", 10, 1, kApiMaxPerPage);
  if (!per_page) return Fail(per_page.error());
  auto post = ApiParam(call.req, "post");
  if (!post) return Fail(post.error());
  auto order = ApiParam(call.req, "order");
  if (!order) return Fail(order.error());
  if (*order && **order != "asc" && **order != "desc") return Invalid("order", "order is asc or desc.");

  std::vector<comments::Comment> list;
  std::map<content::ArticleId, std::optional<content::Article>> articles;  // published ones only
  std::vector<std::string> tags;
  if (*post) {
    auto id = ParseId(**post);
    if (!id) return Invalid("post", "post is a post id.");
    auto a = d_.articles.Get(*id);
    if (!a && a.error().code != ErrorCode::kNotFound) return Fail(a.error());
    if (a && a->IsPublished() && !a->IsPage()) {
      auto approved = d_.comments.Approved(a->id);
      if (!approved) return Fail(approved.error());
      list = std::move(*approved);
      articles[a->id] = std::move(*a);
    }
    tags = {"article:" + std::to_string(*id), "comments:" + std::to_string(*id)};
  } else {
    auto recent = d_.comments.repository().RecentApproved(kMaxRecentComments);
    if (!recent) return Fail(recent.error());
    for (auto& c : *recent) {
      auto [it, added] = articles.try_emplace(c.article_id);
      if (added) {
        auto a = d_.articles.Get(c.article_id);
        if (a && a->IsPublished()) it->second = std::move(*a);
      }
      if (it->second) list.push_back(std::move(c));
    }
    tags = {"comments-all", "lists"};
  }
  // Newest first, as WordPress lists them by default.
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
  });
  if (*order && **order == "asc") std::reverse(list.begin(), list.end());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : PageOf(list, *page, *per_page)) items.push_back(WpComment(call.wp, *articles[c.article_id], c));
  return List(call, std::move(items), *page, list.size(), *per_page, std::move(tags));
}

Response WpRest::OneComment(const Call& call, std::string_view ref) const {
  const auto id = ParseId(ref);
  auto c =
      id ? d_.comments.repository().FindById(*id) : Result<comments::Comment>(Error::NotFound("Invalid comment ID."));
  if (!c && c.error().code != ErrorCode::kNotFound) return Fail(c.error());
  std::optional<content::Article> article;
  if (c && c->status == comments::CommentStatus::kApproved) {
    auto a = d_.articles.Get(c->article_id);
    if (a && a->IsPublished()) article = std::move(*a);
  }
  if (!article) return Fail(Error::NotFound("Invalid comment ID."), "rest_comment_invalid_id");
  const std::string a = std::to_string(article->id);
  return One(call, WpComment(call.wp, *article, *c), {"article:" + a, "comments:" + a});
}

Result<std::vector<WpRest::PublicImage>> WpRest::PublicImages() const {
  std::vector<PublicImage> out;
  std::set<std::int64_t> seen;
  for (int page = 1;; ++page) {
    auto list = d_.articles.ListPublished(page, kImageScanPage, content::ArticleQuery{});
    if (!list) {
      if (list.error().code == ErrorCode::kNotFound) break;  // past the last page
      return list.error();
    }
    for (const auto& s : list->items)
      if (s.featured_image && seen.insert(s.featured_image->media_id).second)
        out.push_back({s.featured_image->media_id, s.id});
    if (page >= list->total_pages) break;
  }
  return out;
}

Response WpRest::Media(const Call& call) const {
  auto page = ApiInt(call.req, "page", 1, 1, kApiMaxPage);
  if (!page) return Fail(page.error());
  auto per_page = ApiInt(call.req, "per_page", 10, 1, kApiMaxPerPage);
  if (!per_page) return Fail(per_page.error());
  auto parent = ApiParam(call.req, "parent");
  if (!parent) return Fail(parent.error());
  auto images = PublicImages();
  if (!images) return Fail(images.error());
  if (*parent) {
    auto id = ParseId(**parent);
    if (!id) return Invalid("parent", "parent is a post id.");
    std::erase_if(*images, [&](const PublicImage& i) { return i.article_id != *id; });
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : PageOf(*images, *page, *per_page)) {
    auto item = d_.media.FindById(i.media_id);
    auto a = d_.articles.Get(i.article_id);
    if (!item || !a) continue;  // removed since the scan
    items.push_back(WpMedia(call.wp, *item, *a));
  }
  return List(call, std::move(items), *page, images->size(), *per_page, {"lists"});
}

Response WpRest::OneMedia(const Call& call, std::string_view ref) const {
  const auto id = ParseId(ref);
  auto images = PublicImages();
  if (!images) return Fail(images.error());
  auto it = std::find_if(images->begin(), images->end(), [&](const PublicImage& i) { return id && i.media_id == *id; });
  if (it == images->end()) return Fail(Error::NotFound("Invalid post ID."), "rest_post_invalid_id");
  auto item = d_.media.FindById(it->media_id);
  if (!item) return Fail(item.error(), "rest_post_invalid_id");
  auto a = d_.articles.Get(it->article_id);
  if (!a) return Fail(a.error(), "rest_post_invalid_id");
  return One(call, WpMedia(call.wp, *item, *a), {"lists"});
}

}  // namespace gazette::http
