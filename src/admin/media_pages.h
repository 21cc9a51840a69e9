// MediaPages: the media library (/admin/media/): browse, upload, copy an image's Markdown.
#pragma once

#include <string>

#include "admin/page_kit.h"
#include "http/message.h"
#include "media/media_service.h"

namespace gazette::admin {

class MediaPages {
 public:
  // `media` must outlive this.
  MediaPages(PageKit kit, media::MediaService& media) : kit_(kit), media_(media) {}

  // The library, with a `notice` or an `error` above it.
  http::Response MediaPage(const Visitor& v, const std::string& notice, const std::string& error,
                           int status = 200) const;
  // Stores the multipart request's `file` (with its `alt`); 201 with the library, or 403
  // (contributors), 400, 422 or the media service's refusal with it.
  http::Response PostUpload(const http::Request& req, const Visitor& v) const;

 private:
  PageKit kit_;
  media::MediaService& media_;
};

}  // namespace gazette::admin
