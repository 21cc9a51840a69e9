// FileTree: the export folder. Writes a file only when its bytes differ from what is there (so an
// unchanged file keeps its mtime), always through a temporary file and a rename (so a file server
// never sees half a file), and deletes files the export no longer holds.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gazette::exports {

class FileTree {
 public:
  // REQUIRES: `root` exists (Create makes it).
  explicit FileTree(std::filesystem::path root) : root_(std::move(root)) {}
  // Creates `root` and its parents if needed. kUnavailable if it cannot.
  static Result<FileTree> Create(const std::filesystem::path& root);

  enum class Outcome { kUnchanged, kWritten };
  // Writes `bytes` at `rel` (a relative path from static_layout.h) unless the file already holds
  // exactly these bytes. Creates the folders on the way. kUnavailable on an I/O failure.
  // Thread-safe for different `rel`s.
  Result<Outcome> Put(const std::string& rel, std::string_view bytes) const;
  // Whether `rel` exists as a regular file.
  bool Has(const std::string& rel) const;
  // The file's bytes, or nullopt if it cannot be read.
  std::optional<std::string> Read(const std::string& rel) const;
  // Deletes `rel` and then its parent folders that became empty (up to the root). Ok if absent.
  Status Remove(const std::string& rel) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace gazette::exports
