// MediaService: files are written under a temporary name and renamed, so a reader never gets half
// a file; names are content hashes, so files never change and can be cached for a year.
#include "media/media_service.h"

#include <sodium.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "common/sodium.h"
#include "media/image.h"

namespace gazette::media {
namespace {

std::string HashHex(std::string_view bytes) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return ToHex(digest, 16);  // 128 bits name a file well enough
}

Status WriteFile(const std::filesystem::path& path, const std::string& data) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return Error::Unavailable("Could not write the image files.");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error::Unavailable("Could not write the image files.");
  return Status::Ok();
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in) return Error::Unavailable("Could not read the image file " + path.filename().string() + ".");
  return buf.str();
}

// Writes each crop's file and returns the records, in the order made.
Result<std::vector<Crop>> WriteCrops(const std::string& dir, const std::string& hash,
                                     const std::vector<CropFile>& files) {
  std::vector<Crop> crops;
  for (const auto& f : files) {
    Crop c{f.ratio, f.width, f.height, hash + "-" + f.ratio + "-" + std::to_string(f.width) + "." + f.extension,
           f.mime};
    if (auto st = WriteFile(std::filesystem::path(dir) / c.file, f.data); !st) return st.error();
    crops.push_back(std::move(c));
  }
  return crops;
}

}  // namespace

Result<MediaItem> MediaService::Upload(std::string_view bytes, std::string alt, std::int64_t user) {
  if (bytes.size() > kMaxUploadBytes) return Error{ErrorCode::kTooLarge, "The image is larger than 10 MiB.", "file"};
  auto mime = SniffImageType(bytes);
  if (!mime)
    return Error::Invalid("This file is not an image Gazette accepts (JPEG, PNG, WebP or GIF), whatever its name says.",
                          "file");
  const std::string hash = HashHex(bytes);
  if (auto existing = repo_.FindByHash(hash)) return existing;
  auto sizes = MakeSizes(bytes, *mime);
  if (!sizes) return sizes.error();
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  MediaItem item;
  item.hash = hash;
  item.mime = *mime;
  item.width = sizes->width;
  item.height = sizes->height;
  item.bytes = static_cast<std::int64_t>(bytes.size());
  item.alt = std::move(alt);
  item.uploaded_by = user;
  item.created_at = clock_.Now();
  for (const auto& f : sizes->files) {
    Variant v{f.width, hash + "-" + std::to_string(f.width) + "." + f.extension, f.mime};
    if (auto st = WriteFile(std::filesystem::path(dir_) / v.file, f.data); !st) return st.error();
    item.variants.push_back(std::move(v));
  }
  auto crops = WriteCrops(dir_, hash, sizes->crops);
  if (!crops) return crops.error();
  item.crops = std::move(*crops);
  return repo_.Insert(item);
}

Result<MediaItem> MediaService::AddCrops(std::int64_t id) {
  auto item = repo_.FindById(id);
  if (!item || !item->crops.empty()) return item;
  // The original is not kept; its largest stored size is at least 1,200 px wide when it was.
  const Variant* source = Largest(*item);
  if (!source) source = Largest(*item, "image/webp");
  if (!source) return Error::Unavailable("The image has no stored file to crop.");
  auto bytes = ReadFile(std::filesystem::path(dir_) / source->file);
  if (!bytes) return bytes.error();
  auto files = MakeCrops(*bytes, item->mime);
  if (!files) return files.error();
  auto crops = WriteCrops(dir_, item->hash, *files);
  if (!crops) return crops.error();
  if (auto st = repo_.SetCrops(id, *crops); !st) return st.error();
  item->crops = std::move(*crops);
  return item;
}

std::optional<std::string> MediaService::PathFor(std::string_view name) const {
  static const std::regex safe(R"([0-9a-f]{32}-(?:[0-9]{1,2}x[0-9]{1,2}-)?[0-9]{1,5}\.(jpg|png|webp))");
  const std::string n(name);
  if (!std::regex_match(n, safe)) return std::nullopt;
  return (std::filesystem::path(dir_) / n).string();
}

std::string MediaService::AddSizes(const std::string& html) const {
  // cmark-gfm writes images as <img src="URL" alt="TEXT" /> (TEXT already escaped).
  static const std::regex img(
      R"re(<img src="/media/([0-9a-f]{32})-[0-9]{1,5}\.(?:jpg|png|webp)" alt="([^"]*)"[^>]*>)re");
  std::string out;
  auto last = html.cbegin();
  for (std::sregex_iterator it(html.begin(), html.end(), img), end; it != end; ++it) {
    auto item = repo_.FindByHash((*it)[1].str());
    if (!item) continue;
    out.append(last, (*it)[0].first);
    // The alt text is already HTML-escaped by cmark: unescape the five entities PictureHtml escapes.
    std::string alt = (*it)[2].str();
    for (auto [from, to] : {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
      for (std::size_t p = alt.find(from); p != std::string::npos; p = alt.find(from, p + std::strlen(to)))
        alt.replace(p, std::strlen(from), to);
    out += PictureHtml(*item, alt).str();
    last = (*it)[0].second;
  }
  out.append(last, html.cend());
  return out;
}

}  // namespace gazette::media
