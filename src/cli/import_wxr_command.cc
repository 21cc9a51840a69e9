// `gazette import wxr FILE`: bring in a WordPress export. Safe to run again: what is already
// there (matched by its WordPress id) stays as it is, and only what is new is added.
#include <chrono>
#include <iostream>
#include <utility>

#include "app/newsroom.h"
#include "app/site.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "comments/comment_settings.h"
#include "content/sections.h"
#include "content/site_settings.h"
#include "imports/wordpress/wxr_import.h"
#include "storage/sqlite/account_store.h"
#include "storage/sqlite/editorial_store.h"
#include "storage/sqlite/import_ledger_store.h"

namespace gazette::cli {
namespace wp = imports::wordpress;

namespace {

struct WxrOptions {
  std::string db, file, media_dir;
  int utc_offset = 0;  // minutes
  bool skip_pings = false;
  bool sections = false;  // the top-level categories become the sections
  std::uint64_t max_bytes = wp::WxrLimits{}.max_bytes;
};

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

void PrintKind(const char* name, const wp::KindCounts& k) {
  if (k.Total() + k.skipped == 0) return;
  std::cout << "  " << name << ": " << k.imported << " imported, " << k.updated << " updated, " << k.unchanged
            << " unchanged, " << k.skipped << " skipped\n";
}

void PrintSummary(const wp::WxrImportSummary& s, const std::string& file, double seconds) {
  std::cout << "WordPress export " << file << " (\"" << s.site_title << "\", WXR " << s.wxr_version << ") in "
            << seconds << " s:\n";
  PrintKind("posts", s.posts);
  PrintKind("pages", s.pages);
  PrintKind("comments", s.comments);
  PrintKind("users", s.users);
  PrintKind("images", s.media);
  std::cout << "  categories and tags: " << s.tags;
  if (s.terms_unused) std::cout << " (" << s.terms_unused << " on no post: not kept)";
  std::cout << "\n";
  std::cout << "  redirects from old addresses: " << s.redirects_added << " added, " << s.redirects_unchanged
            << " already there\n";
  if (!s.Changed()) std::cout << "Nothing changed: the site already had everything in this export.\n";
  if (s.users.imported)
    std::cout << "Imported authors are disabled users without a password: `gazette user enable` and "
                 "`gazette user reset-password` let one sign in.\n";
  if (s.sticky) std::cout << s.sticky << " sticky posts imported as ordinary ones (Gazette has no sticky posts).\n";
  if (s.pings_left_out) std::cout << s.pings_left_out << " pingbacks and trackbacks left out (--skip-pings).\n";
  if (s.images_linked)
    std::cout << s.images_linked << " images still link to the old site (not found in --media-dir).\n";
  PrintCounts("Shortcodes kept as text:", s.shortcodes);
  PrintCounts("Blocks kept as HTML:", s.html_blocks);
  PrintCounts("Blocks dropped:", s.dropped_blocks);
  PrintCounts("Post formats (not kept):", s.post_formats);
  PrintCounts("Custom taxonomies (not kept):", s.custom_taxonomies);
  PrintCounts("Post types not imported:", s.post_types_skipped);
  for (const auto& note : s.notes) std::cout << "Note: " << note << "\n";
  if (!s.skipped.empty()) {
    std::cout << "Skipped:\n";
    for (const auto& item : s.skipped) std::cout << "  " << item.what << ": " << item.reason << "\n";
  }
}

// The navigation the export brings: the sections (the top-level categories with --sections, else
// the menu's categories and tags) and the footer links (the menu's pages), each only where the
// site has none of its own yet, so that a re-run or a later export never undoes an editor's menu.
Status ApplyMenu(app::Site& site, const wp::WxrImportSummary& s, bool top_categories) {
  auto settings = content::LoadSiteSettings(site.settings_store());
  if (!settings) return settings.error();
  const std::vector<std::string>& names = top_categories ? s.top_categories : s.menu.sections;
  if (names.empty() && s.menu.links.empty() && s.menu.left_out.empty()) return Status::Ok();
  bool changed = false;
  if (!names.empty() && (settings->sections.empty() || top_categories)) {
    std::vector<std::string> first(names.begin(), names.begin() + std::min(names.size(), content::kMaxSections));
    auto sections = content::ResolveSections(site.articles(), first);
    if (!sections) return sections.error();
    changed = changed || content::FormatSections(settings->sections) != content::FormatSections(*sections);
    settings->sections = std::move(*sections);
  }
  if (!s.menu.links.empty() && settings->footer_menu.empty()) {
    settings->footer_menu = s.menu.links;
    changed = true;
  }
  if (changed)
    if (auto st = content::SaveSiteSettings(site.settings_store(), *settings); !st) return st;
  std::cout << "Menu:";
  const char* sep = " sections ";
  for (const auto& t : settings->sections) std::cout << std::exchange(sep, ", ") << t.name;
  sep = "; footer links ";
  for (const auto& l : settings->footer_menu) std::cout << std::exchange(sep, ", ") << l.label;
  std::cout << (changed ? "" : " (as the site had them)") << "\n";
  for (const auto& item : s.menu.left_out) std::cout << "  menu item not kept: " << item << "\n";
  return Status::Ok();
}

int RunImportWxr(const WxrOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  if (auto st = site->StartBulkLoad(); !st) return Fail(st.error().message);
  app::Newsroom newsroom(*site);
  auto settings = content::LoadSiteSettings(site->settings_store());
  if (!settings) return Fail(settings.error().message);
  auto permalink = content::Permalink::Parse(settings->permalink);
  if (!permalink) return Fail(permalink.error().message);
  auto comment_settings = comments::LoadCommentSettings(site->settings_store());
  if (!comment_settings) return Fail(comment_settings.error().message);
  storage::sqlite::UserStore users(site->db());
  storage::sqlite::EditorialStore editorial(site->db());
  storage::sqlite::ImportLedgerStore ledger(site->db());
  wp::WxrTargets targets{site->articles(), site->article_store(), site->comment_store(), editorial, users, ledger,
                         site->clock(),    &site->redirects(),   &newsroom.media(),     &*permalink};
  wp::WxrImportOptions options;
  options.media_dir = o.media_dir;
  options.utc_offset_minutes = o.utc_offset;
  options.skip_pings = o.skip_pings;
  options.ip_retention_days = comment_settings->retention_days;
  options.limits.max_bytes = o.max_bytes;

  const auto started = std::chrono::steady_clock::now();
  ProgressBar bar;
  Result<wp::WxrImportSummary> summary = wp::WxrImportSummary{};
  {
    related::RelatedService::Pause pause(site->related());
    summary = wp::ImportWxr(targets, o.file, options,
                            [&](std::size_t done, std::size_t total) { bar.Update("Importing", done, total); });
  }
  if (summary && summary->Changed()) {
    if (auto st = site->search_index().Optimize(); !st) summary = st.error();
  }
  if (summary && summary->Changed()) {
    auto rebuilt = site->related().Rebuild(
        [&](std::string_view phase, std::size_t done, std::size_t total) { bar.Update(phase, done, total); });
    if (!rebuilt) summary = rebuilt.error();
  }
  bar.Finish();
  if (!summary) return Fail(summary.error().message);
  PrintSummary(*summary, o.file, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  if (auto st = ApplyMenu(*site, *summary, o.sections); !st) return Fail(st.error().message);
  return summary->skipped.empty() ? 0 : 2;
}

}  // namespace

void AddImportWxr(CLI::App& import, int* exit_code) {
  auto o = std::make_shared<WxrOptions>();
  auto* cmd = import.add_subcommand(
      "wxr",
      "Import a WordPress export (WXR 1.0-1.2): authors, categories, tags, posts, pages, comments, images and old "
      "addresses as redirects. Running it again changes nothing; a later export adds what is new. Exits 2 if some "
      "items were skipped (each is listed with why).");
  cmd->add_option("file", o->file, "The export (.xml), from WordPress's Tools > Export")->required();
  AddDbOption(*cmd, o->db);
  cmd->add_option("--media-dir", o->media_dir, "The old site's wp-content/uploads folder, for its images");
  cmd->add_option("--utc-offset", o->utc_offset,
                  "Minutes east of UTC of the old site's clock, for items without GMT dates")
      ->capture_default_str();
  cmd->add_flag("--skip-pings", o->skip_pings, "Leave pingbacks and trackbacks out");
  cmd->add_flag("--sections", o->sections,
                "Make the top-level categories the site's sections (else the WordPress menu's categories and "
                "tags, if the site has no sections yet)");
  cmd->add_option("--max-bytes", o->max_bytes, "Refuse an export larger than this")->capture_default_str();
  cmd->callback([o, exit_code] { *exit_code = RunImportWxr(*o); });
}

}  // namespace gazette::cli
