// The Content API (/api/v1/): published articles, pages, tags, authors and approved comments as
// JSON, read-only and public. Lists take page and per_page (at most 100) and answer their totals
// in the body and Link headers; article lists filter by tag, author, after, before and q (the
// reader's search); fields=a,b selects members. Answers go through the page cache (ETag, 304) and
// are open to every origin (CORS). Errors: {"error": {"status", "message", "field"}}.
#pragma once

#include <string_view>

#include "http/api_listing.h"
#include "http/api_response.h"
#include "http/reader_pages.h"

namespace gazette::http {

class ContentApi : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;

  // Every request under /api/v1/: GET and HEAD, and OPTIONS (a CORS preflight). Thread-safe.
  Response Handle(const Request& req) const;

 private:
  Response Route(const Request& req, std::string_view rest) const;
  Response Articles(const Request& req, Collection collection) const;
  Response OneArticle(const Request& req, std::string_view ref, Collection collection) const;
  Response Comments(const Request& req, std::string_view article_ref) const;
  Response Tags(const Request& req) const;
  Response Authors(const Request& req) const;
  // The published article (or page) that `ref` (an id, a slug or a page's path) names; kNotFound
  // otherwise, and for a page asked for as an article or the other way round.
  Result<content::Article> Published(std::string_view ref, Collection collection) const;
  // {"data": [...], "meta": {page, per_page, total, total_pages}} with the Link header.
  Response List(const Request& req, nlohmann::json data, int page, int per_page, std::size_t total,
                std::vector<std::string> cache_tags) const;
  static Response Fail(const Error& error);
};

}  // namespace gazette::http
