// `gazette related rebuild|show|pin|exclude|clear|settings`: "You May Also Like" lists.
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "related/related_settings.h"

namespace gazette::cli {
namespace {

struct RelatedOptions {
  std::string db;
  std::string article, other;
  std::string format = "text";
  int top_k = 0;
  double near_duplicate = 0;
};

int RunRebuild(const RelatedOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  const auto started = std::chrono::steady_clock::now();
  ProgressBar bar;
  auto report = site->related().Rebuild(
      [&bar](std::string_view phase, std::size_t done, std::size_t total) { bar.Update(phase, done, total); });
  bar.Finish();
  if (!report) return Fail(report.error().message);
  std::cout << "Rebuilt related articles of " << report->articles << " articles in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s ("
            << report->lists_changed << " lists changed).\n";
  return 0;
}

int RunShow(const RelatedOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto article = FindArticleRef(*site, o.article);
  if (!article) return Fail(article.error().message);
  auto list = site->related().For(article->id);
  if (!list) return Fail(list.error().message);
  auto overrides = site->related().OverridesOf(article->id);
  if (!overrides) return Fail(overrides.error().message);
  auto has = [](const std::vector<content::ArticleId>& ids, content::ArticleId id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  if (o.format == "json") {
    nlohmann::json j = {{"article", article->id}, {"pins", overrides->pins}, {"excludes", overrides->excludes}};
    j["related"] = nlohmann::json::array();
    for (const auto& s : *list)
      j["related"].push_back({{"id", s.id}, {"title", s.title}, {"pinned", has(overrides->pins, s.id)}});
    std::cout << j.dump() << "\n";
    return 0;
  }
  for (const auto& s : *list)
    std::cout << s.id << "\t" << (has(overrides->pins, s.id) ? "pinned\t" : "\t") << s.title << "\n";
  for (auto id : overrides->excludes) std::cout << id << "\texcluded\n";
  return 0;
}

int RunOverride(const RelatedOptions& o, related::OverrideKind kind) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto article = FindArticleRef(*site, o.article);
  if (!article) return Fail(article.error().message);
  auto other = FindArticleRef(*site, o.other);
  if (!other) return Fail(other.error().message);
  if (auto st = site->related().SetOverride(article->id, other->id, kind); !st) return Fail(st.error().message);
  const char* what = kind == related::OverrideKind::kPin       ? "Pinned"
                     : kind == related::OverrideKind::kExclude ? "Excluded"
                                                               : "Cleared";
  std::cout << what << " " << other->id << " on the list of " << article->id << ".\n";
  return 0;
}

int RunSettings(const RelatedOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto settings = related::LoadRelatedSettings(site->settings_store());
  if (!settings) return Fail(settings.error().message);
  const bool change = o.top_k != 0 || o.near_duplicate != 0;
  if (o.top_k != 0) settings->top_k = o.top_k;
  if (o.near_duplicate != 0) settings->near_duplicate = o.near_duplicate;
  if (change) {
    if (auto st = related::SaveRelatedSettings(site->settings_store(), *settings); !st) return Fail(st.error().message);
  }
  std::cout << "top-k = " << settings->top_k << "\nnear-duplicate = " << settings->near_duplicate << "\n";
  if (!change) return 0;
  RelatedOptions rebuild = o;
  return RunRebuild(rebuild);
}

}  // namespace

void AddRelated(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("related", "\"You May Also Like\" lists");
  group->require_subcommand(1);
  auto o = std::make_shared<RelatedOptions>();

  auto* rebuild = group->add_subcommand("rebuild", "Recompute the related articles of every published article");
  AddDbOption(*rebuild, o->db);
  rebuild->callback([o, exit_code] { *exit_code = RunRebuild(*o); });

  auto* show = group->add_subcommand("show", "Print an article's related articles, pins and exclusions");
  show->add_option("article", o->article, "Article id or slug")->required();
  show->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  AddDbOption(*show, o->db);
  show->callback([o, exit_code] { *exit_code = RunShow(*o); });

  struct Kind {
    const char* name;
    const char* help;
    related::OverrideKind kind;
  };
  for (const Kind& k :
       {Kind{"pin", "Always show OTHER first on ARTICLE's list", related::OverrideKind::kPin},
        Kind{"exclude", "Never show OTHER on ARTICLE's list", related::OverrideKind::kExclude},
        Kind{"clear", "Remove a pin or exclusion of OTHER on ARTICLE's list", related::OverrideKind::kNone}}) {
    auto* cmd = group->add_subcommand(k.name, k.help);
    cmd->add_option("article", o->article, "Article id or slug")->required();
    cmd->add_option("other", o->other, "The other article's id or slug")->required();
    AddDbOption(*cmd, o->db);
    const related::OverrideKind kind = k.kind;
    cmd->callback([o, exit_code, kind] { *exit_code = RunOverride(*o, kind); });
  }

  auto* settings = group->add_subcommand("settings", "Show or change the settings (then rebuild every list)");
  settings->add_option("--top-k", o->top_k, "Articles per list (default 4)")
      ->check(CLI::Range(1, related::RelatedSettings::kMaxTopK));
  settings
      ->add_option("--near-duplicate", o->near_duplicate,
                   "Word similarity (0-1] from which an article counts as a near-duplicate and is never listed; "
                   "1 allows near-duplicates (default 0.8)")
      ->check(CLI::Range(0.01, 1.0));
  AddDbOption(*settings, o->db);
  settings->callback([o, exit_code] { *exit_code = RunSettings(*o); });
}

}  // namespace gazette::cli
