// Registration of each command group with the CLI11 app.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace gazette::cli {

// Each Add* registers a subcommand whose callback stores the exit code in `*exit_code`.
void AddInit(CLI::App& app, int* exit_code);
void AddServe(CLI::App& app, int* exit_code);
void AddImport(CLI::App& app, int* exit_code);
void AddImportMarkdown(CLI::App& import, int* exit_code);  // `import markdown`, under `import`
void AddImportWxr(CLI::App& import, int* exit_code);       // `import wxr`, under `import`
void AddArticle(CLI::App& app, int* exit_code);
void AddComments(CLI::App& app, int* exit_code);
void AddSettings(CLI::App& app, int* exit_code);
void AddPrivacy(CLI::App& app, int* exit_code);
void AddRelated(CLI::App& app, int* exit_code);
void AddSearch(CLI::App& app, int* exit_code);
void AddUser(CLI::App& app, int* exit_code);
void AddToken(CLI::App& app, int* exit_code);
void AddMedia(CLI::App& app, int* exit_code);
void AddSections(CLI::App& app, int* exit_code);
void AddExport(CLI::App& app, int* exit_code);
void AddRedirects(CLI::App& app, int* exit_code);
// `export wxr`, registered by AddExport into its group.
void AddExportWxr(CLI::App& exp, int* exit_code);
void AddExportStatic(CLI::App& exp, int* exit_code);  // `export static`

// The --db option every command takes (also GAZETTE_DB).
CLI::Option* AddDbOption(CLI::App& cmd, std::string& db);

}  // namespace gazette::cli

#include "common/result.h"
#include "content/article.h"

namespace gazette::app {
class Site;
}
namespace gazette::cli {
// Opens the site or prints why not (to stderr) and returns null.
std::unique_ptr<app::Site> OpenSiteOrReport(const std::string& db, bool create);
// Prints "gazette: MESSAGE" to stderr and returns 1.
int Fail(const std::string& message);
// The article with this id (all digits) or slug, whatever its status; kNotFound otherwise.
Result<content::Article> FindArticleRef(app::Site& site, const std::string& ref);
}  // namespace gazette::cli
