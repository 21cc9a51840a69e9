// /wp-json/wp/v2/categories, /tags and /users: small lists, filtered, ordered and paged in memory.
#include <algorithm>

#include "common/numbers.h"
#include "common/text.h"
#include "http/wp_rest.h"

namespace gazette::http {
namespace {

bool NameContains(const std::string& name, const std::string& search) {
  return text::AsciiLower(name).find(text::AsciiLower(search)) != std::string::npos;
}

bool SlugListed(const std::string& slug, const std::optional<std::string>& slugs) {
  if (!slugs) return true;
  for (auto& s : text::SplitTrimmed(*slugs, ','))
    if (s == slug) return true;
  return false;
}

// The search, slug, page, per_page, orderby and order of a list of terms or users.
struct SmallListParams {
  int page = 1, per_page = 10;
  std::string search;
  std::optional<std::string> slug;
  std::string orderby = "name";
  bool descending = false;
};

Result<SmallListParams> ReadSmallList(const Request& req, std::initializer_list<const char*> orderings) {
  SmallListParams p;
  auto page = ApiInt(req, "page", 1, 1, kApiMaxPage);
  if (!page) return page.error();
  auto per_page = ApiInt(req, "per_page", 10, 1, kApiMaxPerPage);
  if (!per_page) return per_page.error();
  auto search = ApiParam(req, "search");
  if (!search) return search.error();
  auto slug = ApiParam(req, "slug");
  if (!slug) return slug.error();
  auto orderby = ApiParam(req, "orderby");
  if (!orderby) return orderby.error();
  auto order = ApiParam(req, "order");
  if (!order) return order.error();
  p.page = *page;
  p.per_page = *per_page;
  p.search = search->value_or("");
  p.slug = *slug;
  if (*orderby) {
    if (std::find_if(orderings.begin(), orderings.end(), [&](const char* o) { return **orderby == o; }) ==
        orderings.end())
      return Error::Invalid("orderby is not one of the orders offered.", "orderby");
    p.orderby = **orderby;
  }
  if (*order && **order != "asc" && **order != "desc") return Error::Invalid("order is asc or desc.", "order");
  p.descending = *order && **order == "desc";
  return p;
}

}  // namespace

Response WpRest::Terms(const Call& call, bool categories) const {
  auto p = ReadSmallList(call.req, {"id", "name", "slug", "count"});
  if (!p) return Fail(p.error());
  auto post = ApiParam(call.req, "post");
  if (!post) return Fail(post.error());
  auto counts = TagCounts(call);
  if (!counts) return Fail(counts.error());
  std::vector<content::Tag> all;
  if (*post) {
    // The terms of one published article (WordPress's wp:term links ask this way).
    auto id = ParseId(**post);
    if (!id) return Invalid("post", "post is a post id.");
    auto a = d_.articles.Get(*id);
    if (a && a->IsPublished())
      for (const auto& t : a->tags)
        if (!categories || call.wp.IsCategory(t)) all.push_back(t);
  } else if (categories) {
    all = call.wp.categories;
  } else {
    auto tags = d_.articles.ListTags();
    if (!tags) return Fail(tags.error());
    all = std::move(*tags);
  }
  auto count = [&](const content::Tag& t) {
    auto it = (*counts)->find(t.slug);
    return it == (*counts)->end() ? 0 : it->second;
  };
  std::erase_if(all, [&](const content::Tag& t) {
    return !SlugListed(t.slug, p->slug) || (!p->search.empty() && !NameContains(t.name, p->search));
  });
  std::stable_sort(all.begin(), all.end(), [&](const content::Tag& a, const content::Tag& b) {
    if (p->orderby == "id") return a.id < b.id;
    if (p->orderby == "slug") return a.slug < b.slug;
    if (p->orderby == "count") return count(a) < count(b);
    return text::AsciiLower(a.name) < text::AsciiLower(b.name);
  });
  if (p->descending) std::reverse(all.begin(), all.end());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : PageOf(all, p->page, p->per_page)) items.push_back(WpTerm(call.wp, t, count(t), categories));
  return List(call, std::move(items), p->page, all.size(), p->per_page, {"lists"});
}

Response WpRest::OneTerm(const Call& call, bool categories, std::string_view ref) const {
  const auto id = ParseId(ref);
  auto counts = TagCounts(call);
  if (!counts) return Fail(counts.error());
  std::vector<content::Tag> all;
  if (categories) {
    all = call.wp.categories;
  } else {
    auto tags = d_.articles.ListTags();
    if (!tags) return Fail(tags.error());
    all = std::move(*tags);
  }
  auto it = std::find_if(all.begin(), all.end(), [&](const content::Tag& t) { return id && t.id == *id; });
  if (it == all.end()) return Fail(Error::NotFound("Term does not exist."), "rest_term_invalid");
  auto n = (*counts)->find(it->slug);
  return One(call, WpTerm(call.wp, *it, n == (*counts)->end() ? 0 : n->second, categories), {"lists"});
}

Response WpRest::Users(const Call& call) const {
  auto p = ReadSmallList(call.req, {"id", "name", "slug"});
  if (!p) return Fail(p.error());
  auto all = d_.articles.ListAuthors();
  if (!all) return Fail(all.error());
  std::erase_if(*all, [&](const content::AuthorProfile& a) {
    return !SlugListed(a.author.slug, p->slug) || (!p->search.empty() && !NameContains(a.author.name, p->search));
  });
  std::stable_sort(all->begin(), all->end(), [&](const auto& a, const auto& b) {
    if (p->orderby == "id") return a.author.id < b.author.id;
    if (p->orderby == "slug") return a.author.slug < b.author.slug;
    return text::AsciiLower(a.author.name) < text::AsciiLower(b.author.name);
  });
  if (p->descending) std::reverse(all->begin(), all->end());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : PageOf(*all, p->page, p->per_page)) {
    std::optional<media::MediaItem> photo;
    if (a.photo_media_id) {
      auto item = FeaturedMedia(content::FeaturedImage{*a.photo_media_id, "", ""});
      if (!item) return Fail(item.error());
      photo = std::move(*item);
    }
    items.push_back(WpUser(call.wp, a, photo));
  }
  return List(call, std::move(items), p->page, all->size(), p->per_page, {"lists"});
}

Response WpRest::OneUser(const Call& call, std::string_view ref) const {
  const auto id = ParseId(ref);
  auto all = d_.articles.ListAuthors();
  if (!all) return Fail(all.error());
  auto it = std::find_if(all->begin(), all->end(), [&](const auto& a) { return id && a.author.id == *id; });
  if (it == all->end()) return Fail(Error::NotFound("Invalid user ID."), "rest_user_invalid_id");
  std::optional<media::MediaItem> photo;
  if (it->photo_media_id) {
    auto item = FeaturedMedia(content::FeaturedImage{*it->photo_media_id, "", ""});
    if (!item) return Fail(item.error());
    photo = std::move(*item);
  }
  return One(call, WpUser(call.wp, *it, photo), {"lists"});
}

}  // namespace gazette::http
