// `gazette related rebuild`: recompute every "You May Also Like" list.
#include <chrono>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"

namespace gazette::cli {

void AddRelated(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("related", "\"You May Also Like\" lists");
  group->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto* rebuild = group->add_subcommand("rebuild", "Recompute the related articles of every published article");
  AddDbOption(*rebuild, *db);
  rebuild->callback([db, exit_code] {
    auto site = OpenSiteOrReport(*db, false);
    if (!site) {
      *exit_code = 1;
      return;
    }
    const auto started = std::chrono::steady_clock::now();
    if (auto st = site->related().Rebuild(); !st) {
      *exit_code = Fail(st.error().message);
      return;
    }
    std::cout << "Rebuilt related articles in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
  });
}

}  // namespace gazette::cli
