// `gazette init`: create a site, optionally with the demo content.
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "cli/demo_content.h"
#include "common/text.h"

namespace gazette::cli {

std::unique_ptr<app::Site> OpenSiteOrReport(const std::string& db, bool create) {
  auto site = app::Site::Open(db, create);
  if (!site) {
    Fail(site.error().message);
    return nullptr;
  }
  return std::move(*site);
}

int Fail(const std::string& message) {
  std::cerr << "gazette: " << message << "\n";
  return 1;
}

namespace {

struct InitOptions {
  std::string db;
  bool demo = false;
  std::string demo_dir;
  content::SiteSettings settings;
};

int RunInit(const InitOptions& o) {
  auto site = OpenSiteOrReport(o.db, true);
  if (!site) return 1;
  if (auto st = content::SaveSiteSettings(site->settings_store(), o.settings); !st) return Fail(st.error().message);
  if (auto secret = site->Secret(); !secret) return Fail(secret.error().message);
  if (o.demo) {
    const std::string dir = o.demo_dir.empty() ? app::FindResource("demo") : o.demo_dir;
    if (dir.empty()) return Fail("Cannot find the demo content folder; pass --demo-dir.");
    auto added = LoadDemoContent(*site, dir);
    if (!added) return Fail(added.error().message);
    std::cout << "Added " << *added << " demo articles.\n";
  }
  std::cout << "Site ready in " << o.db << ". Serve it with: gazette serve --db " << o.db << "\n";
  return 0;
}

}  // namespace

void AddInit(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", "Create a site database (or update its settings)");
  AddDbOption(*cmd, o->db);
  cmd->add_flag("--demo", o->demo, "Add the demo articles and comments");
  cmd->add_option("--demo-dir", o->demo_dir, "Folder of demo content (default: the one shipped with Gazette)");
  cmd->add_option("--title", o->settings.title, "Site title")->capture_default_str();
  cmd->add_option("--description", o->settings.description, "Site description")->capture_default_str();
  cmd->add_option("--url", o->settings.url, "Public base URL of the site")->capture_default_str();
  cmd->add_option("--permalink", o->settings.permalink, "Permalink pattern: {yyyy} {mm} {dd} {slug} {id}")
      ->capture_default_str();
  cmd->add_option("--page-size", o->settings.page_size, "Articles per list page")->check(CLI::Range(1, 100));
  cmd->callback([o, exit_code] { *exit_code = RunInit(*o); });
}

}  // namespace gazette::cli
