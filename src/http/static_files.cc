// Static assets of the theme, served with long-lived cache headers: the layout links them with a
// content-version query string, so a changed file gets a new URL. The favicon's address is fixed.
#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gazette::http {
namespace {

const char* ContentType(const std::string& ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".webp") return "image/webp";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".ico") return "image/x-icon";
  return nullptr;
}

bool SafeName(const std::string& name) {
  if (name.empty() || name.size() > 200 || name.front() == '.') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
          c == '.'))
      return false;
  return name.find("..") == std::string::npos;
}

}  // namespace

Response StaticFiles::File(const Request& req) const {
  const std::string name = req.path.substr(std::string_view("/static/").size());
  if (!SafeName(name)) return NotFound();
  return Serve(name, "public, max-age=31536000, immutable");
}

Response StaticFiles::Favicon(const Request&) const { return Serve("favicon.ico", "public, max-age=86400"); }

Response StaticFiles::Serve(const std::string& name, const char* cache_control) const {
  const std::filesystem::path file = std::filesystem::path(d_.static_dir) / name;
  const char* type = ContentType(file.extension().string());
  std::ifstream in(file, std::ios::binary);
  if (!type || !in) return NotFound();
  std::ostringstream buf;
  buf << in.rdbuf();
  Response r;
  r.content_type = type;
  r.body = buf.str();
  r.Header("Cache-Control", cache_control);
  r.Header("X-Content-Type-Options", "nosniff");
  r.route = "static";
  r.cache_tags = {"static"};
  return r;
}

}  // namespace gazette::http
