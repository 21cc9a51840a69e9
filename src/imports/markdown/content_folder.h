// What is in a Hugo or Jekyll site folder: which files are posts, pages and bundle images, and
// which are left out (with the reason).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace gazette::imports::markdown {

enum class SiteFlavour { kHugo, kJekyll };
enum class SourceKind { kPost, kPage };

struct SourceFile {
  std::filesystem::path path;
  std::string relative;  // to the site folder, for reports
  SourceKind kind = SourceKind::kPost;
  std::string slug;               // from the file or bundle folder name, before front matter
  std::optional<UnixTime> date;   // Jekyll: from the name, _posts/2019-04-01-title.md
  bool draft = false;             // Jekyll: in _drafts/
  // A leaf bundle's files beside its index.md (images only), relative to the bundle folder.
  std::vector<std::string> bundle_images;
};

struct SkippedFile {
  std::string file;    // relative to the site folder
  std::string reason;  // "section page (_index.md)"
};

struct ContentFolder {
  SiteFlavour flavour = SiteFlavour::kHugo;
  std::vector<SourceFile> files;  // sorted by path
  std::vector<SkippedFile> skipped;
};

// Scans `dir`. Jekyll when it has _posts/, _drafts/ or _config.yml: posts from _posts/ (named
// YYYY-MM-DD-slug.md), drafts from _drafts/, pages from top-level .md files with front matter.
// Hugo otherwise, from dir/content/ (or dir itself when it has none): a top-level file or
// top-level bundle (about.md, contact/index.md) is a page, anything deeper a post, _index.md a
// section page (skipped). Hidden files and folders are ignored. kUnavailable when `dir` cannot
// be read.
Result<ContentFolder> ScanContentFolder(const std::filesystem::path& dir);

// Whether the extension is one the media library takes (.jpg, .jpeg, .png, .gif, .webp).
bool IsImageFile(const std::filesystem::path& path);

}  // namespace gazette::imports::markdown
