// `gazette export wxr FILE`: the site as a WordPress export (WXR 1.2), for WordPress's importer.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/newsroom.h"
#include "app/site.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "content/site_settings.h"
#include "exports/wxr_export.h"
#include "storage/sqlite/editorial_store.h"

namespace gazette::cli {
namespace {

struct ExportWxrOptions {
  std::string db;
  std::string file;
};

int RunExportWxr(const ExportWxrOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto settings = content::LoadSiteSettings(site->settings_store());
  if (!settings) return Fail(settings.error().message);
  app::Newsroom newsroom(*site);
  auto users = newsroom.accounts().ListUsers();
  if (!users) return Fail(users.error().message);
  storage::sqlite::EditorialStore editorial(site->db());
  exports::WxrSources sources{*settings,        site->article_store(), site->comment_store(), site->media_store(),
                              editorial,        std::move(*users),     site->clock().Now()};
  const bool to_stdout = o.file == "-";
  // Written beside the target and renamed into place, so that a failed export leaves no half file.
  const std::string partial = o.file + ".partial";
  std::ofstream file;
  if (!to_stdout) {
    file.open(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("Cannot write " + o.file);
  }
  auto counts = exports::WriteWxr(sources, to_stdout ? std::cout : file);
  if (!counts) {
    std::error_code ignored;
    if (!to_stdout) std::filesystem::remove(partial, ignored);
    return Fail(counts.error().message);
  }
  if (to_stdout) return 0;
  file.close();
  std::error_code ec;
  std::filesystem::rename(partial, o.file, ec);
  if (ec) return Fail("Cannot write " + o.file + ": " + ec.message());
  std::cerr << "Exported " << counts->posts << " articles, " << counts->pages << " pages, " << counts->comments << " comments, " << counts->authors
            << " authors, " << counts->tags << " tags, " << counts->categories << " categories and "
            << counts->attachments << " images to " << o.file << "\n";
  return 0;
}

}  // namespace

void AddExportWxr(CLI::App& exp, int* exit_code) {
  auto o = std::make_shared<ExportWxrOptions>();
  auto* cmd = exp.add_subcommand("wxr", "A WordPress export (WXR 1.2) of the articles, authors, tags and comments");
  cmd->add_option("file", o->file, "Where to write it (- for standard output)")->required();
  AddDbOption(*cmd, o->db);
  cmd->callback([o, exit_code] { *exit_code = RunExportWxr(*o); });
}

}  // namespace gazette::cli
