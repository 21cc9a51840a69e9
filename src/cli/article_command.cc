// `gazette article list|show|publish|unpublish|edit`.
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/site.h"
#include "content/authors.h"
#include "cli/commands.h"
#include "common/numbers.h"
#include "common/text.h"
#include "content/permalink.h"

namespace gazette::cli {
namespace {

struct ArticleOptions {
  std::string db;
  std::string status;
  std::string format = "text";
  std::string ref;  // id or slug
  // edit
  std::optional<std::string> title, markdown, markdown_file, tags, author;
};

nlohmann::json ToJson(const content::Article& a, const content::Permalink& permalink, bool full) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : a.tags) tags.push_back(t.name);
  nlohmann::json authors = nlohmann::json::array();
  for (const auto& x : a.authors) authors.push_back(x.name);
  nlohmann::json j = {{"id", a.id},
                      {"kind", content::ToString(a.kind)},
                      {"slug", a.slug},
                      {"title", a.title},
                      {"url", permalink.PathFor(a)},
                      {"status", content::ToString(a.status)},
                      {"tags", tags},
                      {"author", a.author},
                      {"authors", authors},
                      {"published_at", a.published_at ? FormatIso8601(a.published_at) : ""}};
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
    if (o.format == "json")
      std::cout << ToJson(a, *permalink, false).dump() << "\n";
    else
      std::cout << a.id << "\t" << content::ToString(a.status) << "\t" << permalink->PathFor(a) << "\t" << a.title
                << "\n";
  }
  return 0;
}

int RunShow(const ArticleOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto permalink = SitePermalink(*site);
  if (!permalink) return Fail(permalink.error().message);
  auto a = FindArticleRef(*site, o.ref);
  if (!a) return Fail(a.error().message);
  std::cout << ToJson(*a, *permalink, true).dump(2) << "\n";
  return 0;
}

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Runs `change` (which notifies the article's listeners), then brings the related lists up to
// date itself so that it can say how long that took and what changed.
int ChangeAndReport(app::Site& site, content::ArticleId id, const std::string& done,
                    const std::function<Status()>& change) {
  const auto started = std::chrono::steady_clock::now();
  {
    related::RelatedService::Pause pause(site.related());
    if (auto st = change(); !st) return Fail(st.error().message);
  }
  const double article_ms = MillisecondsSince(started);
  const auto related_started = std::chrono::steady_clock::now();
  auto report = site.related().Update(id);
  if (!report) return Fail(report.error().message);
  std::cout << done << " " << id << " in " << article_ms << " ms; related lists updated in "
            << MillisecondsSince(related_started) << " ms (index read in " << report->load_ms << " ms, update "
            << report->update_ms << " ms: " << report->changed.size() << " lists changed, " << report->recomputed
            << " recomputed).\n";
  return 0;
}

int RunSetPublished(const ArticleOptions& o, bool publish) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto a = FindArticleRef(*site, o.ref);
  if (!a) return Fail(a.error().message);
  return ChangeAndReport(*site, a->id, publish ? "Published" : "Unpublished",
                         [&] { return publish ? site->articles().Publish(a->id) : site->articles().Unpublish(a->id); });
}

int RunEdit(const ArticleOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto a = FindArticleRef(*site, o.ref);
  if (!a) return Fail(a.error().message);
  content::ArticleEdit edit;
  edit.title = o.title;
  if (o.author) edit.authors = content::SplitAuthorNames(*o.author);
  edit.markdown = o.markdown;
  if (o.markdown_file) {
    std::ifstream in(*o.markdown_file, std::ios::binary);
    if (!in) return Fail("Cannot read " + *o.markdown_file);
    std::ostringstream buf;
    buf << in.rdbuf();
    edit.markdown = buf.str();
  }
  if (o.tags) edit.tags = text::SplitTrimmed(*o.tags, ',');
  if (!edit.title && !edit.authors && !edit.markdown && !edit.tags)
    return Fail("Nothing to change: give --title, --markdown, --markdown-file, --tags or --author.");
  return ChangeAndReport(*site, a->id, "Edited", [&] { return site->articles().Update(a->id, edit); });
}

}  // namespace

Result<content::Article> FindArticleRef(app::Site& site, const std::string& ref) {
  if (auto id = ParseInteger<content::ArticleId>(ref)) return site.articles().Get(*id);
  return site.article_store().FindBySlug(ref);
}

void AddArticle(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("article", "List, show, edit, publish and unpublish articles");
  group->require_subcommand(1);
  auto o = std::make_shared<ArticleOptions>();
  auto* list = group->add_subcommand("list", "List articles (one per line; JSON lines with --format json)");
  AddDbOption(*list, o->db);
  list->add_option("--status", o->status, "Only draft or published articles");
  list->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  for (const char* name : {"show", "publish", "unpublish"}) {
    auto* cmd = group->add_subcommand(name, std::string(name) == "show"      ? "Print an article as JSON"
                                            : std::string(name) == "publish" ? "Publish an article"
                                                                             : "Take an article off the site");
    cmd->add_option("article", o->ref, "Article id or slug")->required();
    AddDbOption(*cmd, o->db);
    const std::string n = name;
    cmd->callback([o, exit_code, n] { *exit_code = n == "show" ? RunShow(*o) : RunSetPublished(*o, n == "publish"); });
  }
  auto* edit = group->add_subcommand("edit", "Change an article's headline, text, tags or byline (the URL stays)");
  edit->add_option("article", o->ref, "Article id or slug")->required();
  edit->add_option("--title", o->title, "New headline");
  auto* markdown = edit->add_option("--markdown", o->markdown, "New body, in Markdown");
  edit->add_option("--markdown-file", o->markdown_file, "Read the new body from this Markdown file")
      ->excludes(markdown);
  edit->add_option("--tags", o->tags, "New tags, comma-separated (the first is the primary tag; \"\" removes all)");
  edit->add_option("--author", o->author, "New byline: the authors' names, comma-separated");
  AddDbOption(*edit, o->db);
  edit->callback([o, exit_code] { *exit_code = RunEdit(*o); });
}

}  // namespace gazette::cli
