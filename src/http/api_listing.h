// What the Content API and the WordPress subset share: their list parameters, read from the query
// string with a clear error for a bad one, and the published articles a list shows, read through
// ArticleService (plain lists) or SearchService (q).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "content/article.h"
#include "http/message.h"
#include "http/reader_pages.h"

namespace gazette::http {

inline constexpr int kApiMaxPerPage = 100;
inline constexpr int kApiMaxPage = 100000;
inline constexpr std::size_t kApiMaxParamBytes = 500;  // a longer q, slug or date is refused

// The parameters of a list, as understood. Dates: at or after `from`, before `until`.
struct ListParams {
  int page = 1;
  int per_page = 10;
  std::optional<std::string> tag_slug;
  std::optional<std::string> author_slug;
  std::optional<UnixTime> from;
  std::optional<UnixTime> until;
  std::string q;
};

// Which articles a collection holds: news articles, or static pages (ArticleKind::kPage), never
// both.
enum class Collection { kPosts, kPages };

struct ArticlePage {
  std::vector<content::ArticleSummary> items;
  int total = 0;
  int total_pages = 0;
};

// The value of `name` in `req`, at most kApiMaxParamBytes of valid UTF-8, or nullopt when absent.
// kInvalidArgument (field `name`) when too long or not UTF-8.
Result<std::optional<std::string>> ApiParam(const Request& req, const std::string& name);
// A whole number from `min` to `max`; `fallback` when absent. kInvalidArgument names `name`.
Result<int> ApiInt(const Request& req, const std::string& name, int fallback, int min, int max);
// A date "YYYY-MM-DD" (its midnight UTC) or an ISO 8601 time; kInvalidArgument names `name`.
Result<std::optional<UnixTime>> ApiTime(const Request& req, const std::string& name);
// A comma-separated list of field names, each of [A-Za-z0-9_.:-]; empty when absent.
Result<std::vector<std::string>> ApiFieldList(const Request& req, const std::string& name);

// page, per_page (1 to kApiMaxPerPage, default `default_per_page`), q and the date bounds named
// `after` and `before` (after: inclusive, before: exclusive). Tag and author are the caller's:
// the two APIs name them differently.
Result<ListParams> ReadListParams(const Request& req, int default_per_page);

// The published articles of `collection` that `params` asks for, newest first (with q: the best
// matches first, and dates rounded to whole days, as the search index keeps them); pages by path
// (q: words of the title or excerpt). A page past the last is empty.
Result<ArticlePage> ListArticles(const ReaderDeps& deps, Collection collection, const ListParams& params);

// The items of page `page` of `all`, `per_page` a page (none past the last).
template <class T>
std::vector<T> PageOf(const std::vector<T>& all, int page, int per_page) {
  const std::size_t from = static_cast<std::size_t>(page - 1) * per_page;
  if (from >= all.size()) return {};
  return std::vector<T>(all.begin() + from, all.begin() + std::min(all.size(), from + per_page));
}
inline int TotalPages(std::size_t total, int per_page) { return static_cast<int>((total + per_page - 1) / per_page); }

// `RFC 8288` Link header value for page `page` of `total_pages`, or "" when there is neither a
// previous nor a next page: <base?query&page=N>; rel="next", ... `base` is an absolute URL.
std::string PageLinks(const std::string& base, const Request& req, int page, int total_pages);

}  // namespace gazette::http
