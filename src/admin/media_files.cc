// /media/<hash>-<width>.<ext>: read from disk; the names never change content.
#include "admin/media_files.h"

#include <fstream>
#include <sstream>

namespace gazette::admin {

http::Response MediaFile(const media::MediaService& media, const http::Request& req) {
  if (req.method != "GET")
    return http::Response::Text(405, "This file can only be read.\n").Header("Allow", "GET, HEAD");
  auto path = media.PathFor(std::string_view(req.path).substr(7));
  std::ifstream in;
  if (path) in.open(*path, std::ios::binary);
  if (!path || !in) {
    http::Response r = http::Response::Text(404, "No such file.\n");
    r.route = "media";
    return r;
  }
  std::ostringstream s;
  s << in.rdbuf();
  http::Response r;
  r.body = s.str();
  r.content_type = path->ends_with(".jpg") ? "image/jpeg" : path->ends_with(".png") ? "image/png" : "image/webp";
  r.Header("Cache-Control", "public, max-age=31536000, immutable");
  r.Header("X-Content-Type-Options", "nosniff");
  r.route = "media";
  return r;
}

}  // namespace gazette::admin
