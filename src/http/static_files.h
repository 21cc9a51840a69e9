// StaticFiles: GET /static/NAME, the theme's assets, and /favicon.ico, which browsers ask for at
// the root whatever a page links.
#pragma once

#include "http/reader_pages.h"

namespace gazette::http {

class StaticFiles : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;
  // Kept for a year: the layout links them with a content-version query string.
  Response File(const Request& req) const;
  // The theme's static/favicon.ico, kept for a day (its address never changes).
  Response Favicon(const Request& req) const;

 private:
  // The file `name` of the static folder (REQUIRES: a safe name), or the 404 page.
  Response Serve(const std::string& name, const char* cache_control) const;
};

}  // namespace gazette::http
