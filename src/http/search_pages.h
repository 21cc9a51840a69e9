// SearchPages: GET /search (the page), /search.json and /related.json.
#pragma once

#include "http/reader_pages.h"

namespace gazette::http {

class SearchPages : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;
  Response SearchPage(const Request& req) const;
  Response SearchJson(const Request& req) const;
  // ?article=ID or ?article=SLUG: the article's "You May Also Like" list.
  Response RelatedJson(const Request& req) const;
};

}  // namespace gazette::http
