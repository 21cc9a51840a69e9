// CommentFeed: GET /comments/feed/ (the site's latest approved comments) and
// /comments/feed/ID/ (one article's), RSS 2.0.
#pragma once

#include "http/reader_pages.h"

namespace gazette::http {

class CommentFeed : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;
  Response Feed(const Request& req) const;
};

}  // namespace gazette::http
