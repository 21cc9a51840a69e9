// The public /media/ files: content-hash names, so they are cached for a year.
#pragma once

#include "http/message.h"
#include "media/media_service.h"

namespace gazette::admin {

// Answers GET /media/<file> from the media folder (404 for anything else).
http::Response MediaFile(const media::MediaService& media, const http::Request& req);

}  // namespace gazette::admin
