// `gazette article list|show|publish|unpublish`.
#include <nlohmann/json.hpp>

#include <charconv>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "content/permalink.h"

namespace gazette::cli {
namespace {

struct ArticleOptions {
  std::string db;
  std::string status;
  std::string format = "text";
  std::string ref;  // id or slug
};

nlohmann::json ToJson(const content::Article& a, const content::Permalink& permalink, bool full) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : a.tags) tags.push_back(t.name);
  nlohmann::json j = {{"id", a.id},         {"slug", a.slug},     {"title", a.title},
                      {"url", permalink.PathFor(a)}, {"status", content::ToString(a.status)},
                      {"tags", tags},       {"author", a.author}, {"published_at", a.published_at ? FormatIso8601(a.published_at) : ""}};
  if (full) {
    j["markdown"] = a.markdown;
    j["html"] = a.html;
    j["excerpt"] = a.excerpt;
  }
  return j;
}

Result<content::Permalink> SitePermalink(app::Site& site) {
  auto settings = content::LoadSiteSettings(site.settings_store());
  if (!settings) return settings.error();
  return content::Permalink::Parse(settings->permalink);
}

Result<content::Article> FindArticle(app::Site& site, const std::string& ref) {
  content::ArticleId id = 0;
  auto [p, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ec == std::errc() && p == ref.data() + ref.size()) return site.articles().Get(id);
  return site.article_store().FindBySlug(ref);
}

int RunList(const ArticleOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  std::optional<content::ArticleStatus> status;
  if (!o.status.empty()) {
    status = content::ParseArticleStatus(o.status);
    if (!status) return Fail("--status is draft or published");
  }
  auto permalink = SitePermalink(*site);
  if (!permalink) return Fail(permalink.error().message);
  auto all = site->article_store().ListAll(status);
  if (!all) return Fail(all.error().message);
  for (const auto& a : *all) {
    if (o.format == "json") std::cout << ToJson(a, *permalink, false).dump() << "\n";
    else std::cout << a.id << "\t" << content::ToString(a.status) << "\t" << permalink->PathFor(a) << "\t" << a.title << "\n";
  }
  return 0;
}

int RunShow(const ArticleOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto permalink = SitePermalink(*site);
  if (!permalink) return Fail(permalink.error().message);
  auto a = FindArticle(*site, o.ref);
  if (!a) return Fail(a.error().message);
  std::cout << ToJson(*a, *permalink, true).dump(2) << "\n";
  return 0;
}

int RunSetPublished(const ArticleOptions& o, bool publish) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto a = FindArticle(*site, o.ref);
  if (!a) return Fail(a.error().message);
  auto st = publish ? site->articles().Publish(a->id) : site->articles().Unpublish(a->id);
  if (!st) return Fail(st.error().message);
  if (auto r = site->related().Rebuild(); !r) return Fail(r.error().message);
  std::cout << (publish ? "Published " : "Unpublished ") << a->id << "\n";
  return 0;
}

}  // namespace

void AddArticle(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("article", "List, show, publish and unpublish articles");
  group->require_subcommand(1);
  auto o = std::make_shared<ArticleOptions>();
  auto* list = group->add_subcommand("list", "List articles (one per line; JSON lines with --format json)");
  AddDbOption(*list, o->db);
  list->add_option("--status", o->status, "Only draft or published articles");
  list->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  for (const char* name : {"show", "publish", "unpublish"}) {
    auto* cmd = group->add_subcommand(name, std::string(name) == "show" ? "Print an article as JSON"
                                            : std::string(name) == "publish" ? "Publish an article"
                                                                             : "Take an article off the site");
    cmd->add_option("article", o->ref, "Article id or slug")->required();
    AddDbOption(*cmd, o->db);
    const std::string n = name;
    cmd->callback([o, exit_code, n] {
      *exit_code = n == "show" ? RunShow(*o) : RunSetPublished(*o, n == "publish");
    });
  }
}

}  // namespace gazette::cli
