// `gazette search rebuild|query`: the full-text index.
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "search/highlight.h"

namespace gazette::cli {
namespace {

struct SearchOptions {
  std::string db;
  std::string query, tag, from, to, page;
  int page_size = 10;
};

int RunRebuild(const SearchOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  const auto started = std::chrono::steady_clock::now();
  int changed = 0;
  {
    // Plain text changes do not touch the related lists' words enough to matter one by one;
    // a related rebuild settles them (`gazette related rebuild`).
    related::RelatedService::Pause pause(site->related());
    auto refreshed = site->articles().RefreshPlainText();
    if (!refreshed) return Fail(refreshed.error().message);
    changed = *refreshed;
  }
  if (auto st = site->search_index().Rebuild(); !st) return Fail(st.error().message);
  std::cout << "Rebuilt the search index in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s (" << changed
            << " articles' plain text refreshed).\n";
  if (changed > 0) std::cout << "Related articles read the same text: run gazette related rebuild.\n";
  return 0;
}

int RunQuery(const SearchOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto page = site->search().Search({o.query, o.tag, o.from, o.to, o.page}, o.page_size);
  if (!page) return Fail(page.error().message);
  for (const auto& note : page->notes) std::cerr << note << "\n";
  std::cout << page->total << " results" << (page->matched_any ? " (some of the words)" : "") << ", page " << page->page
            << " of " << page->total_pages << "\n";
  for (const auto& h : page->hits)
    std::cout << h.article.id << "\t" << h.score << "\t" << h.article.title << "\n\t" << search::PlainText(h.snippet)
              << "\n";
  return 0;
}

}  // namespace

void AddSearch(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("search", "The full-text search index");
  group->require_subcommand(1);
  auto o = std::make_shared<SearchOptions>();
  auto* rebuild = group->add_subcommand(
      "rebuild", "Derive every article's plain text again and rebuild the search index (after an upgrade)");
  AddDbOption(*rebuild, o->db);
  rebuild->callback([o, exit_code] { *exit_code = RunRebuild(*o); });
  auto* query = group->add_subcommand("query", "Search as a reader would, and print the results");
  query->add_option("query", o->query, "What to search for")->required();
  query->add_option("--tag", o->tag, "Only articles with this tag");
  query->add_option("--from", o->from, "Published on or after YYYY-MM-DD");
  query->add_option("--to", o->to, "Published on or before YYYY-MM-DD");
  query->add_option("--page", o->page, "Page of results");
  AddDbOption(*query, o->db);
  query->callback([o, exit_code] { *exit_code = RunQuery(*o); });
}

}  // namespace gazette::cli
