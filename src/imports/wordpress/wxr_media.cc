// Images of the old site found in its uploads folder (--media-dir) and put in the media library,
// so that imported articles no longer depend on the old host.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "common/fnv1a.h"
#include "imports/wordpress/wxr_context.h"

namespace gazette::imports::wordpress {
namespace fs = std::filesystem;
namespace {

// The path part of a URL: "https://x/wp-content/uploads/2020/01/a.jpg?w=300" → "/wp-content/uploads/2020/01/a.jpg".
std::string UrlPath(std::string_view url) {
  std::size_t start = 0;
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
    start = url.find('/', scheme + 3);
    if (start == std::string_view::npos) return "";
  }
  std::string_view path = url.substr(start);
  path = path.substr(0, path.find_first_of("?#"));
  return std::string(path);
}

bool Safe(const fs::path& relative) {
  for (const auto& part : relative)
    if (part == ".." || part.is_absolute()) return false;
  return !relative.empty();
}

std::int64_t FileKey(const std::string& relative) {
  return static_cast<std::int64_t>(Fnv1a().Add(relative).Value() & 0x7fffffffffffffffULL);
}

}  // namespace

std::string UploadsFolder::Locate(std::string_view url_or_path) const {
  if (c_.o.media_dir.empty()) return "";
  std::string path = UrlPath(url_or_path);
  if (auto at = path.find("/uploads/"); at != std::string::npos) path = path.substr(at + 9);
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  std::vector<std::string> candidates = {path};
  // A resized copy ("photo-300x200.jpg") falls back to the original, which is what is kept.
  static const std::regex resized(R"((.*)-\d+x\d+(\.[A-Za-z0-9]+)$)");
  std::smatch m;
  if (std::regex_match(path, m, resized)) candidates.push_back(m[1].str() + m[2].str());
  for (const auto& candidate : candidates) {
    std::error_code ec;
    if (Safe(candidate) && fs::is_regular_file(fs::path(c_.o.media_dir) / candidate, ec)) return candidate;
  }
  return "";
}

std::optional<media::MediaItem> UploadsFolder::Load(const std::string& relative, const std::string& alt) {
  if (auto it = loaded_.find(relative); it != loaded_.end()) return it->second;
  std::optional<media::MediaItem>& slot = loaded_[relative];
  const content::LedgerKey key = c_.Key("file", FileKey(relative));
  if (auto known = c_.t.ledger.Find(key); known && *known) {
    if (auto item = c_.t.media->Find(**known)) {
      ++c_.s.media.unchanged;
      return slot = *item;
    }
  }
  const fs::path file = fs::path(c_.o.media_dir) / relative;
  std::error_code ec;
  if (fs::file_size(file, ec) > media::MediaService::kMaxUploadBytes || ec) {
    ++c_.s.media.skipped;
    c_.s.skipped.push_back({"image " + relative, ec ? "cannot be read" : "larger than the upload limit"});
    return slot;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto item = c_.t.media->Upload(bytes.str(), alt, 0);
  if (!item) {
    ++c_.s.media.skipped;
    c_.s.skipped.push_back({"image " + relative, item.error().message});
    return slot;
  }
  if (auto st = c_.t.ledger.Put(key, item->id); !st) c_.s.notes.push_back("image " + relative + ": " + st.error().message);
  ++c_.s.media.imported;
  return slot = *item;
}

std::string UploadsFolder::Rewrite(std::string_view url) {
  const std::string relative = c_.t.media ? Locate(url) : "";
  std::optional<media::MediaItem> item;
  if (!relative.empty()) item = Load(relative, "");
  const media::Variant* largest = item ? media::Largest(*item) : nullptr;
  if (!largest) {
    ++c_.s.images_linked;
    return std::string(url);
  }
  return "/media/" + largest->file;
}

std::optional<media::MediaItem> UploadsFolder::ForAttachment(std::int64_t id) {
  auto it = c_.index.attachments.find(id);
  if (it == c_.index.attachments.end() || !c_.t.media) return std::nullopt;
  const AttachmentInfo& a = it->second;
  std::string relative = a.attached_file.empty() ? "" : Locate(a.attached_file);
  if (relative.empty()) relative = Locate(a.url);
  if (relative.empty()) return std::nullopt;
  return Load(relative, a.alt);
}

}  // namespace gazette::imports::wordpress
