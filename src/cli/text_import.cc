// Plain-text import. Bytes are checked before anything is stored, so a Latin-1 file is
// reported, never turned into mojibake.
#include "cli/text_import.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/text.h"
#include "content/markdown.h"

namespace gazette::cli {
namespace fs = std::filesystem;

Result<content::ArticleDraft> ParseTextArticle(std::string_view bytes) {
  // Offsets are reported in the file's own bytes, so check before skipping a byte-order mark.
  if (auto bad = text::FindInvalidUtf8(bytes))
    return Error::Invalid("invalid UTF-8 at byte " + std::to_string(*bad) +
                          " (the file is probably in another encoding)");
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string normalized;
  normalized.reserve(bytes.size());
  for (char c : bytes)
    if (c != '\r') normalized += c;
  std::string_view rest = normalized;
  while (!rest.empty() && text::Trim(rest.substr(0, rest.find('\n'))).empty()) {
    const std::size_t nl = rest.find('\n');
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  const std::size_t nl = rest.find('\n');
  content::ArticleDraft draft;
  draft.title = std::string(text::Trim(rest.substr(0, nl)));
  if (draft.title.empty()) return Error::Invalid("the file is empty: no headline on the first line");
  const std::string_view body = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  // Paragraphs are separated by blank lines; lines within a paragraph are kept together.
  std::string markdown;
  std::size_t start = 0;
  std::string paragraph;
  auto flush = [&] {
    if (paragraph.empty()) return;
    if (!markdown.empty()) markdown += "\n\n";
    markdown += content::EscapeMarkdown(paragraph);
    paragraph.clear();
  };
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = text::Trim(body.substr(start, end - start));
    if (line.empty())
      flush();
    else
      paragraph += paragraph.empty() ? std::string(line) : "\n" + std::string(line);
    start = end + 1;
  }
  flush();
  draft.markdown = markdown;
  return draft;
}

Result<ImportReport> ImportTextFolder(content::ArticleService& articles, const std::string& dir,
                                      const TextImportOptions& options,
                                      const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
  }
  if (ec) return Error::Unavailable("Cannot read " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());

  ImportReport report;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path& file = files[i];
    const std::string relative = fs::relative(file, dir, ec).string();
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    auto draft = in ? ParseTextArticle(buf.str()) : Result<content::ArticleDraft>(Error::Invalid("cannot be read"));
    if (draft) {
      draft->status = options.status;
      draft->authors = {options.author};
      const fs::path folder = fs::relative(file.parent_path(), dir, ec);
      if (options.tags_from_folders && !folder.empty() && folder != ".")
        draft->tags.push_back(folder.filename().string());
      if (options.date) {
        draft->published_at = options.date;
      } else {
        const auto mtime = fs::last_write_time(file, ec);
        if (!ec)
          draft->published_at = std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::file_clock::to_sys(mtime).time_since_epoch())
                                    .count();
      }
      auto stored = articles.Create(*draft);
      if (stored)
        ++report.imported;
      else
        report.failures.push_back({relative, stored.error().message});
    } else {
      report.failures.push_back({relative, draft.error().message});
    }
    progress(i + 1, files.size());
  }
  return report;
}

}  // namespace gazette::cli
