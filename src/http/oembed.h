// OEmbedEndpoint: GET /oembed?url=...&format=json, the oEmbed 1.0 provider of the site's article
// pages (which announce it in their head), so that a pasted link unfolds in other sites and chat
// tools with its headline, byline, site and featured image.
#pragma once

#include "http/reader_pages.h"

namespace gazette::http {

class OEmbedEndpoint : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;

  // 200: a "link" response (application/json) for the address of a published article of this
  // site, its thumbnail the largest file of the featured image within `maxwidth` and `maxheight`
  // if given; cached like the article's page. 400 without `url`; 501 for a `format` other than
  // json; 404 for any other address. Errors answer in plain text and are never cached.
  Response Embed(const Request& req) const;
};

}  // namespace gazette::http
