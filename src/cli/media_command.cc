// `gazette media crops`: makes the structured-data crops (16:9, 4:3, 1:1) of the images uploaded
// before Gazette made them at upload. Running servers show them at once (the change log).
#include <iostream>

#include "app/newsroom.h"
#include "cli/commands.h"

namespace gazette::cli {
namespace {

int RunCrops(const std::string& db) {
  auto site = OpenSiteOrReport(db, false);
  if (!site) return 1;
  app::Newsroom newsroom(*site);
  auto list = newsroom.media().List();
  if (!list) return Fail(list.error().message);
  int made = 0, failed = 0;
  for (const auto& item : *list) {
    if (!item.crops.empty()) continue;
    auto cropped = newsroom.media().AddCrops(item.id);
    if (!cropped) {
      std::cerr << "gazette: image " << item.id << ": " << cropped.error().message << "\n";
      ++failed;
      continue;
    }
    ++made;
  }
  std::cout << "Made the crops of " << made << " image(s); " << list->size() - made - failed << " already had them.\n";
  return failed ? 2 : 0;
}

}  // namespace

void AddMedia(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("media", "The media library");
  group->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto* crops = group->add_subcommand(
      "crops", "Make the 16:9, 4:3 and 1:1 crops (for search engines) of every image that has none yet");
  AddDbOption(*crops, *db);
  crops->callback([db, exit_code] { *exit_code = RunCrops(*db); });
}

}  // namespace gazette::cli
