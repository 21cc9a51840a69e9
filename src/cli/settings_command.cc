// `gazette settings list|get|set`: the site's stored settings ("site.*", "seo.*", "feed.*" and
// the comment rules, "comments.*"). Running servers apply a change at once (the change log tells them).
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "comments/comment_settings.h"
#include "content/site_settings.h"

namespace gazette::cli {
namespace {

struct SettingsOptions {
  std::string db, key, value;
};

// A value on one line of the list: a multi-line one (robots.txt) with its newlines as "\n".
std::string OneLine(const std::string& value) {
  std::string out;
  for (char c : value) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

int RunList(const SettingsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  for (const auto& k : content::SiteSettingKeys()) {
    auto v = site->settings_store().Get(k.key);
    if (!v) return Fail(v.error().message);
    std::cout << k.key << "\t" << (*v ? OneLine(**v) : std::string("(default)")) << "\t" << k.help << "\n";
  }
  for (const auto& k : comments::CommentSettingKeys()) {
    auto v = site->settings_store().Get(k.key);
    if (!v) return Fail(v.error().message);
    std::cout << k.key << "\t" << (*v ? **v : std::string("(default)")) << "\t" << k.help << "\n";
  }
  return 0;
}

int RunGet(const SettingsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  if (o.key == "site.secret") return Fail("The site secret is not shown.");
  auto v = site->settings_store().Get(o.key);
  if (!v) return Fail(v.error().message);
  if (!*v) return Fail(o.key + " is not set (its default applies)");
  std::cout << **v << "\n";
  return 0;
}

int RunSet(const SettingsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  if ((o.key.starts_with("site.") && o.key != "site.secret") || o.key.starts_with("seo.") ||
      o.key.starts_with("feed.")) {
    if (auto st = content::SetSiteSetting(site->settings_store(), o.key, o.value); !st) return Fail(st.error().message);
    std::cout << o.key << " = " << o.value << "\n";
    return 0;
  }
  if (!o.key.starts_with("comments.")) return Fail("No such setting: " + o.key + "; see `gazette settings list`.");
  if (auto st = comments::ValidateCommentSetting(o.key, o.value); !st) return Fail(st.error().message);
  if (auto st = site->settings_store().Set(o.key, o.value); !st) return Fail(st.error().message);
  std::cout << o.key << " = " << o.value << "\n";
  return 0;
}

}  // namespace

void AddSettings(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("settings", "Read and change the site's stored settings");
  group->require_subcommand(1);
  auto o = std::make_shared<SettingsOptions>();
  auto* list = group->add_subcommand("list",
                                     "Every setting (site.*, seo.*, feed.* and comments.*), its value and what it does");
  AddDbOption(*list, o->db);
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  auto* get = group->add_subcommand("get", "Print a setting's stored value");
  get->add_option("key", o->key, "Setting name, e.g. comments.max_links")->required();
  AddDbOption(*get, o->db);
  get->callback([o, exit_code] { *exit_code = RunGet(*o); });
  auto* set = group->add_subcommand("set", "Store a setting (checked first); running servers apply it at once");
  set->add_option("key", o->key, "Setting name, e.g. comments.max_links")->required();
  set->add_option("value", o->value, "New value")->required();
  AddDbOption(*set, o->db);
  set->callback([o, exit_code] { *exit_code = RunSet(*o); });
}

}  // namespace gazette::cli
