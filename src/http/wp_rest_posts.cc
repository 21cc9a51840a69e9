// /wp-json/wp/v2/posts and /pages: published articles in WordPress's shape, with _embed.
#include <algorithm>

#include "common/numbers.h"
#include "common/text.h"
#include "http/wp_rest.h"

namespace gazette::http {
namespace {

// One id from a WordPress list parameter ("5", or "5,8" of which Gazette filters by one only).
Result<std::optional<std::int64_t>> OneId(const Request& req, const std::string& name) {
  auto raw = ApiParam(req, name);
  if (!raw) return raw.error();
  if (!*raw || text::Trim(**raw).empty()) return std::optional<std::int64_t>();
  auto id = ParseId(text::Trim(**raw));
  if (!id) return Error::Invalid("Give one id: " + name + "=12.", name);
  return std::optional<std::int64_t>(*id);
}

}  // namespace

Result<const std::map<std::string, int>*> WpRest::TagCounts(const Call& call) const {
  if (!call.tag_counts) {
    auto groups = d_.articles.PublishedTags();
    if (!groups) return groups.error();
    std::map<std::string, int> counts;
    for (const auto& g : *groups) counts[g.key] = g.count;
    call.tag_counts = std::move(counts);
  }
  return &*call.tag_counts;
}

Result<nlohmann::json> WpRest::PostJson(const Call& call, const content::Article& a, bool is_page) const {
  nlohmann::json j = WpPost(call.wp, a, is_page);
  if (!call.embed) return j;
  nlohmann::json embedded = nlohmann::json::object();
  if (!a.authors.empty()) {
    auto author = d_.articles.GetAuthor(a.authors.front().slug);
    if (author) embedded["author"] = nlohmann::json::array({WpUser(call.wp, *author, std::nullopt)});
  }
  if (a.featured_image) {
    auto item = FeaturedMedia(*a.featured_image);
    if (!item) return item.error();
    if (*item) embedded["wp:featuredmedia"] = nlohmann::json::array({WpMedia(call.wp, **item, a)});
  }
  if (!is_page) {
    auto counts = TagCounts(call);
    if (!counts) return counts.error();
    nlohmann::json categories = nlohmann::json::array(), tags = nlohmann::json::array();
    for (const auto& t : a.tags) {
      const auto it = (*counts)->find(t.slug);
      const int n = it == (*counts)->end() ? 0 : it->second;
      tags.push_back(WpTerm(call.wp, t, n, false));
      if (call.wp.IsCategory(t)) categories.push_back(WpTerm(call.wp, t, n, true));
    }
    embedded["wp:term"] = nlohmann::json::array({std::move(categories), std::move(tags)});
  }
  j["_embedded"] = std::move(embedded);
  return j;
}

Response WpRest::Posts(const Call& call, Collection collection) const {
  const Request& req = call.req;
  auto params = ReadListParams(req, 10);
  if (!params) return Fail(params.error());
  auto search = ApiParam(req, "search");
  if (!search) return Fail(search.error());
  params->q = search->value_or("");
  for (const char* name : {"status", "orderby", "order"}) {
    auto v = ApiParam(req, name);
    if (!v) return Fail(v.error());
    // Only what costs nothing: published articles, newest first (or by relevance for a search).
    const bool ok = !*v || (std::string(name) == "status" && **v == "publish") ||
                    (std::string(name) == "orderby" && (**v == "date" || **v == "relevance")) ||
                    (std::string(name) == "order" && **v == "desc");
    if (!ok)
      return Invalid(name, std::string(name) == "status" ? "Only status=publish can be read."
                                                         : "Posts are listed newest first (orderby=date, order=desc).");
  }
  auto categories = OneId(req, "categories");
  if (!categories) return Fail(categories.error());
  auto tags = OneId(req, "tags");
  if (!tags) return Fail(tags.error());
  auto author = OneId(req, "author");
  if (!author) return Fail(author.error());
  auto slug = ApiParam(req, "slug");
  if (!slug) return Fail(slug.error());
  const bool is_page = collection == Collection::kPages;

  // The tag and author filters are by slug; ids name them here.
  std::optional<std::int64_t> tag_id = *tags ? *tags : *categories;
  if (tag_id) {
    auto all = d_.articles.ListTags();
    if (!all) return Fail(all.error());
    auto it = std::find_if(all->begin(), all->end(), [&](const content::Tag& t) { return t.id == *tag_id; });
    params->tag_slug = it == all->end() ? "-" : it->slug;  // "-" is no tag's slug: an empty list
  }
  if (*author) {
    auto all = d_.articles.ListAuthors();
    if (!all) return Fail(all.error());
    auto it = std::find_if(all->begin(), all->end(), [&](const auto& p) { return p.author.id == **author; });
    params->author_slug = it == all->end() ? "-" : it->author.slug;
  }

  std::vector<content::Article> articles;
  int total = 0;
  if (*slug) {
    // slug=a,b: those articles, when published (WordPress answers a list here too).
    for (auto& s : text::SplitTrimmed(**slug, ',')) {
      auto a = is_page ? d_.articles.GetPublishedPage(s) : d_.articles.GetPublished(s);
      if (a && a->IsPage() == is_page) articles.push_back(std::move(*a));
    }
    total = static_cast<int>(articles.size());
    articles = PageOf(articles, params->page, params->per_page);
  } else {
    auto found = ListArticles(d_, collection, *params);
    if (!found) return Fail(found.error());
    total = found->total;
    for (const auto& s : found->items) {
      auto a = d_.articles.Get(s.id);
      if (!a) return Fail(a.error());
      articles.push_back(std::move(*a));
    }
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : articles) {
    auto j = PostJson(call, a, is_page);
    if (!j) return Fail(j.error());
    items.push_back(std::move(*j));
  }
  return List(call, std::move(items), params->page, static_cast<std::size_t>(total), params->per_page, {"lists"});
}

Response WpRest::OnePost(const Call& call, Collection collection, std::string_view ref) const {
  const bool is_page = collection == Collection::kPages;
  const auto id = ParseId(ref);
  auto a = id ? d_.articles.Get(*id) : Result<content::Article>(Error::NotFound("Invalid post ID."));
  if (!a || !a->IsPublished() || a->IsPage() != is_page) {
    if (!a && a.error().code != ErrorCode::kNotFound) return Fail(a.error());
    return Fail(Error::NotFound("Invalid post ID."), "rest_post_invalid_id");
  }
  auto j = PostJson(call, *a, is_page);
  if (!j) return Fail(j.error());
  return One(call, *j, {"article:" + std::to_string(a->id), "lists"});
}

}  // namespace gazette::http
