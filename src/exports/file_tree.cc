// FileTree: compare, write to a temporary name, rename.
#include "exports/file_tree.h"

#include <atomic>
#include <fstream>
#include <sstream>
#include <system_error>

namespace gazette::exports {
namespace fs = std::filesystem;

Result<FileTree> FileTree::Create(const fs::path& root) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return Error::Unavailable("Cannot create " + root.string() + ": " + ec.message());
  return FileTree(root);
}

std::optional<std::string> FileTree::Read(const std::string& rel) const {
  std::ifstream in(root_ / rel, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

bool FileTree::Has(const std::string& rel) const {
  std::error_code ec;
  return fs::is_regular_file(root_ / rel, ec);
}

Result<FileTree::Outcome> FileTree::Put(const std::string& rel, std::string_view bytes) const {
  const fs::path target = root_ / rel;
  std::error_code ec;
  // Same size first: most unchanged files are found without reading them in full twice.
  if (fs::is_regular_file(target, ec) && fs::file_size(target, ec) == bytes.size() && !ec) {
    if (auto old = Read(rel); old && *old == bytes) return Outcome::kUnchanged;
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Error::Unavailable("Cannot create " + target.parent_path().string() + ": " + ec.message());
  static std::atomic<unsigned long> counter{0};
  const fs::path temp = target.parent_path() / (".tmp-" + std::to_string(counter++) + "-" +
                                                target.filename().string());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return Error::Unavailable("Cannot write " + temp.string());
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return Error::Unavailable("Cannot rename " + temp.string() + ": " + ec.message());
  }
  return Outcome::kWritten;
}

Status FileTree::Remove(const std::string& rel) const {
  fs::path p = root_ / rel;
  std::error_code ec;
  fs::remove(p, ec);
  if (ec) return Error::Unavailable("Cannot remove " + p.string() + ": " + ec.message());
  const fs::path root = fs::weakly_canonical(root_, ec);
  for (p = p.parent_path(); !ec && fs::weakly_canonical(p, ec) != root && fs::is_empty(p, ec); p = p.parent_path())
    fs::remove(p, ec);
  return Status::Ok();
}

}  // namespace gazette::exports
