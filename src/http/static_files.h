// StaticFiles: GET /static/NAME, the theme's assets.
#pragma once

#include "http/reader_pages.h"

namespace gazette::http {

class StaticFiles : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;
  Response File(const Request& req) const;
};

}  // namespace gazette::http
