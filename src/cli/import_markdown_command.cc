// `gazette import markdown DIR`: bring in a Hugo or Jekyll site's content folder. Safe to run
// again: what is already there unchanged stays as it is.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/newsroom.h"
#include "app/site.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "content/site_settings.h"
#include "imports/markdown/site_import.h"

namespace gazette::cli {
namespace fs = std::filesystem;
namespace md = imports::markdown;

namespace {

struct MarkdownOptions {
  std::string db;
  std::string dir;
  std::string author = "Staff";
};

// Optimize and Rebuild once at the end, as `import text` does, rather than per article.
Status FinishBulkLoad(app::Site& site, ProgressBar& bar) {
  if (auto st = site.search_index().Optimize(); !st) return st;
  auto rebuilt = site.related().Rebuild(
      [&](std::string_view phase, std::size_t done, std::size_t total) { bar.Update(phase, done, total); });
  if (!rebuilt) return rebuilt.error();
  return Status::Ok();
}

void PrintCounts(const std::string& title, const std::map<std::string, int>& counts) {
  if (counts.empty()) return;
  std::cout << title;
  const char* sep = " ";
  for (const auto& [name, n] : counts) {
    std::cout << sep << name << " (" << n << ")";
    sep = ", ";
  }
  std::cout << "\n";
}

void PrintSummary(const md::SiteImportSummary& s, const std::string& dir, double seconds) {
  std::cout << (s.flavour == md::SiteFlavour::kJekyll ? "Jekyll" : "Hugo") << " site " << dir << ": " << s.imported
            << " imported, " << s.updated << " updated, " << s.unchanged << " unchanged, " << s.skipped.size()
            << " skipped, in " << seconds << " s.\n";
  if (!s.Changed()) std::cout << "Nothing changed: the site already had every post as it is.\n";
  if (s.pages) std::cout << s.pages << " of them are static pages.\n";
  if (s.images) std::cout << s.images << " page-bundle images are in the media library.\n";
  if (s.redirects_added || s.redirects_unchanged)
    std::cout << "Redirects from old addresses: " << s.redirects_added << " added, " << s.redirects_unchanged
              << " already there.\n";
  if (s.redirects_not_stored)
    std::cout << s.redirects_not_stored << " old addresses (aliases, url) not kept: this site has no redirects yet.\n";
  PrintCounts("Shortcodes kept as text:", s.shortcodes_kept);
  PrintCounts("Front matter fields not kept:", s.fields_not_kept);
  for (const auto& note : s.notes) std::cout << "Note: " << note << "\n";
  if (!s.skipped.empty()) {
    std::cout << "Skipped:\n";
    for (const auto& f : s.skipped) std::cout << "  " << f.file << ": " << f.reason << "\n";
  }
}

int RunImportMarkdown(const MarkdownOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  std::error_code ec;
  if (!fs::is_directory(o.dir, ec)) return Fail("Not a folder: " + o.dir);
  if (auto st = site->StartBulkLoad(); !st) return Fail(st.error().message);
  app::Newsroom newsroom(*site);
  auto settings = content::LoadSiteSettings(site->settings_store());
  if (!settings) return Fail(settings.error().message);
  auto permalink = content::Permalink::Parse(settings->permalink);
  if (!permalink) return Fail(permalink.error().message);
  md::ImportTargets targets{site->articles(), site->article_store(), &site->redirects(), &newsroom.media(), &*permalink};
  md::SiteImportOptions options;
  options.default_author = o.author;

  const auto started = std::chrono::steady_clock::now();
  ProgressBar bar;
  Result<md::SiteImportSummary> summary = md::SiteImportSummary{};
  {
    related::RelatedService::Pause pause(site->related());
    summary = md::ImportSite(targets, o.dir, options,
                             [&](std::size_t done, std::size_t total) { bar.Update("Importing", done, total); });
  }
  if (summary && summary->Changed()) {
    if (auto st = FinishBulkLoad(*site, bar); !st) summary = st.error();
  }
  bar.Finish();
  if (!summary) return Fail(summary.error().message);
  PrintSummary(*summary, o.dir, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return summary->skipped.empty() ? 0 : 2;
}

}  // namespace

void AddImportMarkdown(CLI::App& import, int* exit_code) {
  auto o = std::make_shared<MarkdownOptions>();
  auto* cmd = import.add_subcommand(
      "markdown",
      "Import a Hugo or Jekyll site folder: posts, drafts, page bundles and their images, aliases. Running it again "
      "updates what changed and leaves the rest. Exits 2 if some files were skipped (each is listed with why).");
  cmd->add_option("dir", o->dir, "The site folder (with content/ for Hugo, _posts/ for Jekyll)")->required();
  AddDbOption(*cmd, o->db);
  cmd->add_option("--author", o->author, "Byline for posts whose front matter names no author")->capture_default_str();
  cmd->callback([o, exit_code] { *exit_code = RunImportMarkdown(*o); });
}

}  // namespace gazette::cli
