// `gazette export ...`: the site written out in other formats. Each format registers itself
// beside the others here, from its own file.
#include "cli/commands.h"

namespace gazette::cli {

void AddExport(CLI::App& app, int* exit_code) {
  auto* exp = app.add_subcommand("export", "Write the site out: a WordPress export, or static files");
  exp->require_subcommand(1);
  AddExportWxr(*exp, exit_code);
  AddExportStatic(*exp, exit_code);
}

}  // namespace gazette::cli
