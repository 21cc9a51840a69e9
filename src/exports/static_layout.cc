// Static layout: the mapping from addresses to files, kept free of I/O so it can be tested alone.
#include "exports/static_layout.h"

#include <array>
#include <utility>

#include "common/text.h"

namespace gazette::exports {
namespace {

// The media type without parameters, lowercased: "text/html; charset=utf-8" -> "text/html".
std::string MediaType(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  return text::AsciiLower(text::Trim(content_type.substr(0, semi)));
}

bool SafeSegments(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view seg = path.substr(start, end - start);
    const bool last = end == path.size();
    if (seg.empty() && !last) return false;  // "//"
    if (seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string IndexExtension(std::string_view content_type) {
  static const std::array<std::pair<const char*, const char*>, 8> kTypes = {{
      {"text/html", ".html"},
      {"application/rss+xml", ".rss"},
      {"application/atom+xml", ".atom"},
      {"application/xml", ".xml"},
      {"text/xml", ".xml"},
      {"application/json", ".json"},
      {"application/feed+json", ".json"},
      {"text/plain", ".txt"},
  }};
  const std::string type = MediaType(content_type);
  for (const auto& [name, ext] : kTypes)
    if (type == name) return ext;
  return ".html";
}

std::optional<std::string> FilePathFor(std::string_view path, std::string_view content_type) {
  if (!SafeSegments(path)) return std::nullopt;
  std::string rel(path.substr(1));
  if (rel.empty() || rel.back() == '/') return rel + "index" + IndexExtension(content_type);
  const std::size_t slash = rel.rfind('/');
  const std::string_view last = std::string_view(rel).substr(slash == std::string::npos ? 0 : slash + 1);
  if (last.find('.') == std::string_view::npos) return rel + "/index" + IndexExtension(content_type);
  return rel;
}

bool Compressible(std::string_view content_type) {
  const std::string type = MediaType(content_type);
  if (type.starts_with("text/")) return true;
  for (const char* t : {"application/xml", "application/rss+xml", "application/atom+xml", "application/json",
                        "application/feed+json", "application/javascript", "application/manifest+json",
                        "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon", "application/ld+json"})
    if (type == t) return true;
  return false;
}

}  // namespace gazette::exports
