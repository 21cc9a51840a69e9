// The list parameters of the public APIs, and the articles they list. Every bad parameter is a
// kInvalidArgument naming it, so that a client learns what to fix instead of getting a guess.
#include "http/api_listing.h"

#include <algorithm>
#include <cctype>

#include "common/numbers.h"
#include "common/text.h"

namespace gazette::http {

Result<std::optional<std::string>> ApiParam(const Request& req, const std::string& name) {
  auto v = req.Query(name);
  if (!v) return std::optional<std::string>();
  if (v->size() > kApiMaxParamBytes)
    return Error::Invalid(
        "The parameter " + name + " is too long (at most " + std::to_string(kApiMaxParamBytes) + " bytes).", name);
  if (!text::IsValidUtf8(*v)) return Error::Invalid("The parameter " + name + " is not valid UTF-8.", name);
  return v;
}

Result<int> ApiInt(const Request& req, const std::string& name, int fallback, int min, int max) {
  auto raw = ApiParam(req, name);
  if (!raw) return raw.error();
  if (!*raw) return fallback;
  auto n = ParseInteger<int>(text::Trim(**raw));
  if (!n || *n < min || *n > max)
    return Error::Invalid("The parameter " + name + " must be a whole number from " + std::to_string(min) + " to " +
                              std::to_string(max) + ".",
                          name);
  return *n;
}

Result<std::optional<UnixTime>> ApiTime(const Request& req, const std::string& name) {
  auto raw = ApiParam(req, name);
  if (!raw) return raw.error();
  if (!*raw) return std::optional<UnixTime>();
  std::string s(text::Trim(**raw));
  // WordPress clients send local times without a zone ("2026-12-01T09:00:00"); the site's is UTC.
  if (s.size() == 19 && s[10] == 'T') s += 'Z';
  auto t = ParseIso8601(s);
  if (!t)
    return Error::Invalid("The parameter " + name + " must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ).",
                          name);
  return std::optional<UnixTime>(*t);
}

Result<std::vector<std::string>> ApiFieldList(const Request& req, const std::string& name) {
  auto raw = ApiParam(req, name);
  if (!raw) return raw.error();
  std::vector<std::string> fields;
  if (!*raw) return fields;
  for (auto& f : text::SplitTrimmed(**raw, ',')) {
    if (f.empty()) continue;
    for (char c : f)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':' || c == '-'))
        return Error::Invalid("The parameter " + name + " lists field names separated by commas.", name);
    fields.push_back(std::string(f));
  }
  return fields;
}

Result<ListParams> ReadListParams(const Request& req, int default_per_page) {
  ListParams p;
  auto page = ApiInt(req, "page", 1, 1, kApiMaxPage);
  if (!page) return page.error();
  auto per_page = ApiInt(req, "per_page", default_per_page, 1, kApiMaxPerPage);
  if (!per_page) return per_page.error();
  auto after = ApiTime(req, "after");
  if (!after) return after.error();
  auto before = ApiTime(req, "before");
  if (!before) return before.error();
  auto q = ApiParam(req, "q");
  if (!q) return q.error();
  p.page = *page;
  p.per_page = *per_page;
  p.from = *after;
  p.until = *before;
  p.q = q->value_or("");
  return p;
}

namespace {

// The day of `t` (UTC) as the search filters write it.
std::string Day(UnixTime t) { return FormatIso8601(t).substr(0, 10); }

Result<ArticlePage> Searched(const ReaderDeps& deps, const ListParams& p) {
  search::SearchRequest s;
  s.q = p.q;
  s.tag = p.tag_slug.value_or("");
  s.author = p.author_slug.value_or("");
  if (p.from) s.from = Day(*p.from);
  if (p.until) s.to = Day(*p.until - 1);  // the search's "to" is inclusive
  s.page = std::to_string(p.page);
  if (p.page > search::SearchService::kMaxPage) return ArticlePage{};
  auto found = deps.search.Search(s, p.per_page);
  if (!found) return found.error();
  ArticlePage out;
  // Only the ranked matches can be paged through (search/search_service.h).
  out.total = found->searched ? found->ranked : 0;
  out.total_pages = found->total_pages;
  if (found->page == p.page)
    for (auto& h : found->hits) out.items.push_back(std::move(h.article));
  return out;
}

// Pages are few and undated news is not their point: listed by path, filtered here (tag, author
// and dates as for articles; q by words of the title or excerpt, since search indexes articles).
Result<ArticlePage> Pages(const ReaderDeps& deps, const ListParams& p) {
  auto pages = deps.articles.PublishedPages();
  if (!pages) return pages.error();
  const std::string q = text::AsciiLower(p.q);
  std::vector<content::ArticleSummary> kept;
  for (auto& d : *pages) {
    const content::ArticleSummary& s = d.summary;
    if ((p.from && s.published_at < *p.from) || (p.until && s.published_at >= *p.until)) continue;
    if (!q.empty() && text::AsciiLower(s.title + " " + s.excerpt).find(q) == std::string::npos) continue;
    if (p.tag_slug || p.author_slug) {
      auto a = deps.articles.Get(s.id);
      if (!a) return a.error();
      const bool tagged = !p.tag_slug || std::any_of(a->tags.begin(), a->tags.end(),
                                                     [&](const content::Tag& t) { return t.slug == *p.tag_slug; });
      const bool by = !p.author_slug || std::any_of(a->authors.begin(), a->authors.end(),
                                                    [&](const auto& au) { return au.slug == *p.author_slug; });
      if (!tagged || !by) continue;
    }
    kept.push_back(s);
  }
  ArticlePage out;
  out.total = static_cast<int>(kept.size());
  out.total_pages = TotalPages(kept.size(), p.per_page);
  out.items = PageOf(kept, p.page, p.per_page);
  return out;
}

}  // namespace

Result<ArticlePage> ListArticles(const ReaderDeps& deps, Collection collection, const ListParams& p) {
  if (collection == Collection::kPages) return Pages(deps, p);
  if (!p.q.empty()) return Searched(deps, p);
  content::ArticleQuery filter;
  filter.tag_slug = p.tag_slug;
  filter.author_slug = p.author_slug;
  filter.published_from = p.from;
  filter.published_until = p.until;
  auto list = deps.articles.ListPublished(p.page, p.per_page, filter);
  if (list) return ArticlePage{std::move(list->items), list->total, list->total == 0 ? 0 : list->total_pages};
  if (list.error().code != ErrorCode::kNotFound || p.page == 1) return list.error();
  // Past the last page: empty, with the totals of the first.
  auto first = deps.articles.ListPublished(1, p.per_page, filter);
  if (!first) return first.error();
  return ArticlePage{{}, first->total, first->total == 0 ? 0 : first->total_pages};
}

std::string PageLinks(const std::string& base, const Request& req, int page, int total_pages) {
  auto link = [&](int n, const char* rel) {
    std::string url = base;
    char sep = '?';
    for (const auto& [name, value] : req.query) {
      if (name == "page") continue;
      url += sep + text::EncodeQueryValue(name) + "=" + text::EncodeQueryValue(value);
      sep = '&';
    }
    url += sep + std::string("page=") + std::to_string(n);
    return "<" + url + ">; rel=\"" + rel + "\"";
  };
  std::string out;
  if (page > 1 && page - 1 <= std::max(total_pages, 1)) out = link(page - 1, "prev");
  if (page < total_pages) out += (out.empty() ? "" : ", ") + link(page + 1, "next");
  return out;
}

}  // namespace gazette::http
