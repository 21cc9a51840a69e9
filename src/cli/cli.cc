// The top-level command and its groups.
#include "cli/cli.h"

#include <spdlog/spdlog.h>

#include "cli/commands.h"

namespace gazette::cli {

CLI::Option* AddDbOption(CLI::App& cmd, std::string& db) {
  return cmd.add_option("--db", db, "Site database file (SQLite)")->envname("GAZETTE_DB")->required();
}

int Main(int argc, char** argv) {
  CLI::App app{"Gazette: a news-publishing system in one fast native server."};
  app.require_subcommand(1);
  app.set_config("--config", "", "Read options from a TOML/INI config file");
  int exit_code = 0;
  AddInit(app, &exit_code);
  AddServe(app, &exit_code);
  AddImport(app, &exit_code);
  AddArticle(app, &exit_code);
  AddComments(app, &exit_code);
  AddSettings(app, &exit_code);
  AddSections(app, &exit_code);
  AddRedirects(app, &exit_code);
  AddExport(app, &exit_code);
  AddPrivacy(app, &exit_code);
  AddRelated(app, &exit_code);
  AddSearch(app, &exit_code);
  AddUser(app, &exit_code);
  AddToken(app, &exit_code);
  AddMedia(app, &exit_code);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}

}  // namespace gazette::cli
