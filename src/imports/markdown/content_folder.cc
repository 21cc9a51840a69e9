// Folder scanning. Hugo and Jekyll lay posts out differently but both decide by path alone, so
// the whole classification happens here, before a file is read.
#include "imports/markdown/content_folder.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "common/text.h"
#include "imports/markdown/dates.h"

namespace gazette::imports::markdown {
namespace fs = std::filesystem;
namespace {

bool IsMarkdownFile(const fs::path& p) {
  const std::string ext = text::AsciiLower(p.extension().string());
  return ext == ".md" || ext == ".markdown";
}

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

// Every regular file under `root`, hidden ones and hidden folders left out, sorted.
Result<std::vector<fs::path>> ListFiles(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (IsHidden(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path());
  }
  if (ec) return Error::Unavailable("Cannot read " + root.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::string Relative(const fs::path& p, const fs::path& base) { return p.lexically_relative(base).generic_string(); }

bool StartsWithFrontMatter(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char head[3] = {};
  in.read(head, 3);
  return in.gcount() == 3 && std::string_view(head, 3) == "---";
}

void ScanJekyll(const fs::path& dir, const std::vector<fs::path>& files, ContentFolder& out) {
  for (const auto& file : files) {
    const std::string rel = Relative(file, dir);
    if (!IsMarkdownFile(file)) continue;  // a Jekyll site is mostly layouts, assets and config
    const std::string stem = file.stem().string();
    SourceFile src;
      src.path = file;
      src.relative = rel;
    if (rel.starts_with("_posts/")) {
      // _posts/2019-04-01-council-votes.md: the date and the slug are in the name.
      auto date = stem.size() > 11 && stem[10] == '-' ? ParseFrontMatterDate(stem.substr(0, 10)) : std::nullopt;
      if (!date) {
        out.skipped.push_back({rel, "a post's file name must start with its date: YYYY-MM-DD-slug.md"});
        continue;
      }
      src.date = date;
      src.slug = stem.substr(11);
    } else if (rel.starts_with("_drafts/")) {
      src.draft = true;
      src.slug = stem;
    } else if (rel.find('/') == std::string::npos && StartsWithFrontMatter(file)) {
      src.kind = SourceKind::kPage;
      src.slug = stem;
    } else {
      continue;  // README.md and the like: not content Jekyll publishes
    }
    out.files.push_back(std::move(src));
  }
}

void ScanHugo(const fs::path& dir, const fs::path& root, const std::vector<fs::path>& files, ContentFolder& out) {
  // A folder with an index.md is a leaf bundle: its other files belong to it.
  std::set<fs::path> bundles;
  for (const auto& file : files)
    if (file.filename() == "index.md") bundles.insert(file.parent_path());
  auto bundle_of = [&](const fs::path& file) -> std::optional<fs::path> {
    for (fs::path p = file.parent_path(); p != root && p.has_relative_path(); p = p.parent_path())
      if (bundles.contains(p)) return p;
    return std::nullopt;
  };
  std::map<fs::path, std::vector<std::string>> images;
  for (const auto& file : files)
    if (IsImageFile(file))
      if (auto bundle = bundle_of(file)) images[*bundle].push_back(Relative(file, *bundle));
  for (const auto& file : files) {
    const std::string rel = Relative(file, dir);
    const auto bundle = bundle_of(file);
    if (file.filename() == "index.md" && bundle) {
      SourceFile src;
      src.path = file;
      src.relative = rel;
      src.slug = bundle->filename().string();
      src.kind = bundle->parent_path() == root ? SourceKind::kPage : SourceKind::kPost;
      src.bundle_images = images[*bundle];
      out.files.push_back(std::move(src));
    } else if (bundle) {
      if (!IsImageFile(file)) out.skipped.push_back({rel, "a page bundle's file that is not an image"});
    } else if (file.filename() == "_index.md") {
      out.skipped.push_back({rel, "section page (_index.md): Gazette makes its own tag and section pages"});
    } else if (!IsMarkdownFile(file)) {
      out.skipped.push_back({rel, "not a Markdown file"});
    } else {
      SourceFile src;
      src.path = file;
      src.relative = rel;
      src.slug = file.stem().string();
      src.kind = file.parent_path() == root ? SourceKind::kPage : SourceKind::kPost;
      out.files.push_back(std::move(src));
    }
  }
}

}  // namespace

bool IsImageFile(const fs::path& path) {
  const std::string ext = text::AsciiLower(path.extension().string());
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".gif" || ext == ".webp";
}

Result<ContentFolder> ScanContentFolder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error::Unavailable("Not a folder: " + dir.string());
  ContentFolder out;
  const bool jekyll = fs::is_directory(dir / "_posts", ec) || fs::is_directory(dir / "_drafts", ec) ||
                      fs::is_regular_file(dir / "_config.yml", ec);
  const fs::path root = !jekyll && fs::is_directory(dir / "content", ec) ? dir / "content" : dir;
  auto files = ListFiles(root);
  if (!files) return files.error();
  if (jekyll) {
    out.flavour = SiteFlavour::kJekyll;
    ScanJekyll(dir, *files, out);
  } else {
    ScanHugo(dir, root, *files, out);
  }
  return out;
}

}  // namespace gazette::imports::markdown
