// `gazette sections list|set`: the tags in the site's navigation menu, in order. Running servers
// show a change at once (it is a setting, and the change log empties every cached page).
#include <iostream>

#include "app/site.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "content/sections.h"
#include "content/site_settings.h"

namespace gazette::cli {
namespace {

struct SectionsOptions {
  std::string db;
  std::vector<std::string> names;
};

int RunList(const SectionsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto s = content::LoadSiteSettings(site->settings_store());
  if (!s) return Fail(s.error().message);
  for (const auto& t : s->sections) std::cout << t.slug << "\t" << t.name << "\n";
  return 0;
}

int RunSet(const SectionsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto sections = content::ResolveSections(site->articles(), o.names);
  if (!sections) return Fail(sections.error().message);
  auto s = content::LoadSiteSettings(site->settings_store());
  if (!s) return Fail(s.error().message);
  s->sections = std::move(*sections);
  if (auto st = content::SaveSiteSettings(site->settings_store(), *s); !st) return Fail(st.error().message);
  std::cout << (s->sections.empty() ? "No sections: the menu is empty." : "Sections:");
  for (const auto& t : s->sections) std::cout << " " << t.name;
  std::cout << "\n";
  return 0;
}

}  // namespace

void AddSections(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("sections", "The tags in the site's navigation menu, in order");
  group->require_subcommand(1);
  auto o = std::make_shared<SectionsOptions>();
  auto* list = group->add_subcommand("list", "The sections, in menu order (slug and name)");
  AddDbOption(*list, o->db);
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  auto* set = group->add_subcommand("set", "Replace the sections: tag names or slugs, in menu order (none: no menu)");
  set->add_option("tags", o->names, "Tags, e.g. news sport \"city council\"");
  AddDbOption(*set, o->db);
  set->callback([o, exit_code] { *exit_code = RunSet(*o); });
}

}  // namespace gazette::cli
