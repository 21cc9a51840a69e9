// Plain-text import: one article per file, headline on the first line.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "content/article_service.h"

namespace gazette::cli {

struct TextImportOptions {
  content::ArticleStatus status = content::ArticleStatus::kPublished;
  bool tags_from_folders = true;
  std::string author = "Staff";
  std::optional<UnixTime> date;  // default: the file's modification time
};

struct ImportFailure {
  std::string file;    // relative to the imported folder
  std::string reason;  // e.g. "invalid UTF-8 at byte 1234"
};

struct ImportReport {
  int imported = 0;
  std::vector<ImportFailure> failures;
};

// Parses one file's bytes into a draft. kInvalidArgument with the reason when the file is not
// valid UTF-8 (naming the byte offset) or has no headline.
Result<content::ArticleDraft> ParseTextArticle(std::string_view bytes);

// Imports every *.txt under `dir` (sorted, hidden files skipped). Files that fail are reported
// and skipped; the others are imported. `progress(done, total)` is called after each file.
Result<ImportReport> ImportTextFolder(content::ArticleService& articles, const std::string& dir,
                                      const TextImportOptions& options,
                                      const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace gazette::cli
