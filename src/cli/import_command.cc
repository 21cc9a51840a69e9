// `gazette import text DIR`: bring in a folder of plain-text articles.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "cli/text_import.h"

namespace gazette::cli {
namespace fs = std::filesystem;

namespace {

struct ImportOptions {
  std::string db;
  std::string dir;
  bool draft = false;
  bool no_tags = false;
  std::string date;
  std::string author = "Staff";
};

int RunImportText(const ImportOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  std::error_code ec;
  if (!fs::is_directory(o.dir, ec)) return Fail("Not a folder: " + o.dir);
  TextImportOptions options;
  options.status = o.draft ? content::ArticleStatus::kDraft : content::ArticleStatus::kPublished;
  options.tags_from_folders = !o.no_tags;
  options.author = o.author;
  if (!o.date.empty()) {
    options.date = ParseIso8601(o.date);
    if (!options.date) return Fail("--date wants YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not " + o.date);
  }
  if (auto st = site->StartBulkLoad(); !st) return Fail(st.error().message);

  const auto started = std::chrono::steady_clock::now();
  ProgressBar bar;
  Result<ImportReport> report = ImportReport{};
  {
    // One rebuild at the end instead of an incremental update per article.
    related::RelatedService::Pause pause(site->related());
    report = ImportTextFolder(site->articles(), o.dir, options,
                              [&](std::size_t done, std::size_t total) { bar.Update("Importing", done, total); });
  }
  if (!report) {
    bar.Finish();
    return Fail(report.error().message);
  }
  if (report->imported > 0 && options.status == content::ArticleStatus::kPublished) {
    // The index grew by one segment per article: merged, queries read one.
    if (auto st = site->search_index().Optimize(); !st) {
      bar.Finish();
      return Fail(st.error().message);
    }
    auto rebuilt = site->related().Rebuild(
        [&](std::string_view phase, std::size_t done, std::size_t total) { bar.Update(phase, done, total); });
    if (!rebuilt) {
      bar.Finish();
      return Fail(rebuilt.error().message);
    }
  }
  bar.Finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Imported " << report->imported << " articles from " << o.dir << " in " << seconds << " s.\n";
  if (!report->failures.empty()) {
    std::cout << report->failures.size() << " files could not be imported:\n";
    for (const auto& f : report->failures) std::cout << "  " << f.file << ": " << f.reason << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

void AddImport(CLI::App& app, int* exit_code) {
  auto* import = app.add_subcommand("import", "Import articles from other formats");
  import->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = import->add_subcommand(
      "text",
      "Import a folder of plain-text articles (*.txt): the first line is the headline, paragraphs are separated by "
      "blank lines, and the sub-folder name becomes the tag. Exits 2 if some files were rejected (each is listed).");
  cmd->add_option("dir", o->dir, "Folder to import")->required();
  AddDbOption(*cmd, o->db);
  cmd->add_flag("--draft", o->draft, "Import as drafts instead of published");
  cmd->add_flag("--no-tags", o->no_tags, "Do not turn folder names into tags");
  cmd->add_option("--date", o->date, "Publish date for every article (default: each file's modification time)");
  cmd->add_option("--author", o->author, "Byline for the imported articles")->capture_default_str();
  cmd->callback([o, exit_code] { *exit_code = RunImportText(*o); });
  AddImportMarkdown(*import, exit_code);
  AddImportWxr(*import, exit_code);
}

}  // namespace gazette::cli
