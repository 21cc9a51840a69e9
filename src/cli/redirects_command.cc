// `gazette redirects add|list|remove`: the old addresses that answer 301 (content/redirects.h).
// Running servers follow a change at once: the redirects table's triggers log it.
#include <iostream>

#include "app/site.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "content/redirects.h"

namespace gazette::cli {
namespace {

struct RedirectsOptions {
  std::string db;
  std::string from, to;
};

// TO as the redirect's target: a local path or a URL as it is, else an article's id or slug.
Result<content::Redirect> Target(app::Site& site, const std::string& from, const std::string& to) {
  content::Redirect r;
  r.from = content::NormaliseRedirectSource(from);
  if (to.starts_with('/') || to.starts_with("http://") || to.starts_with("https://")) {
    r.to = to;
    return r;
  }
  auto article = FindArticleRef(site, to);
  if (!article) return Error::NotFound("No article or page has the id or slug \"" + to + "\"; give a path (/new/) or a URL.");
  r.article = article->id;
  return r;
}

int RunAdd(const RedirectsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto r = Target(*site, o.from, o.to);
  if (!r) return Fail(r.error().message);
  if (auto st = site->redirects().Put(*r); !st) return Fail(st.error().message);
  std::cout << r->from << " -> " << (r->article ? "article " + std::to_string(*r->article) : r->to) << "\n";
  return 0;
}

int RunList(const RedirectsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto all = site->redirects().List();
  if (!all) return Fail(all.error().message);
  for (const auto& r : *all) {
    std::cout << r.from << "\t";
    if (r.article) {
      auto a = site->articles().Get(*r.article);
      std::cout << "article " << *r.article << (a ? " (" + a->slug + ")" : "");
    } else {
      std::cout << r.to;
    }
    std::cout << "\n";
  }
  return 0;
}

int RunRemove(const RedirectsOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  const std::string from = content::NormaliseRedirectSource(o.from);
  auto found = site->redirects().Find(from);
  if (!found) return Fail(found.error().message);
  if (!*found) return Fail("No redirect from " + from);
  if (auto st = site->redirects().Remove(from); !st) return Fail(st.error().message);
  std::cout << "Removed the redirect from " << from << "\n";
  return 0;
}

}  // namespace

void AddRedirects(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("redirects", "Old addresses that answer 301 with a new one");
  group->require_subcommand(1);
  auto o = std::make_shared<RedirectsOptions>();
  auto* add = group->add_subcommand("add", "Add or replace the redirect from FROM");
  add->add_option("from", o->from, "The old address: a path with its query, e.g. /old-post/ or \"/?p=12\"")
      ->required();
  add->add_option("to", o->to, "Where it leads: a path (/new/), a URL, or an article's or page's id or slug")
      ->required();
  AddDbOption(*add, o->db);
  add->callback([o, exit_code] { *exit_code = RunAdd(*o); });
  auto* list = group->add_subcommand("list", "Every redirect, by old address (tab-separated)");
  AddDbOption(*list, o->db);
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  auto* remove = group->add_subcommand("remove", "Remove the redirect from FROM");
  remove->add_option("from", o->from, "The old address")->required();
  AddDbOption(*remove, o->db);
  remove->callback([o, exit_code] { *exit_code = RunRemove(*o); });
}

}  // namespace gazette::cli
