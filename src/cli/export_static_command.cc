// `gazette export static DIR`: the public site as files; app::ExportStatic does the work.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "app/server.h"
#include "app/static_export.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace gazette::cli {
namespace {

struct ExportStaticOptions {
  app::ServerConfig config;
  app::StaticExportOptions exp;
  std::string comments_url;
  bool no_comment_form = false;
};

int RunExportStatic(ExportStaticOptions o) {
  using Mode = exports::CommentFormTarget::Mode;
  if (o.no_comment_form && !o.comments_url.empty()) return Fail("Give --comments-url or --no-comment-form, not both");
  if (!o.comments_url.empty()) {
    if (!o.comments_url.starts_with("https://") && !o.comments_url.starts_with("http://"))
      return Fail("--comments-url must be an http(s) URL of the live Gazette, such as https://comments.example.org");
    while (o.comments_url.ends_with('/')) o.comments_url.pop_back();
    o.exp.comment_form = {Mode::kElsewhere, o.comments_url};
  } else if (o.no_comment_form) {
    o.exp.comment_form = {Mode::kLeftOut, ""};
  }
  spdlog::set_level(spdlog::level::warn);
  auto server = app::Server::Open(o.config);
  if (!server) return Fail(server.error().message);
  auto report = app::ExportStatic(**server, o.exp);
  if (!report) return Fail(report.error().message);
  std::fprintf(stderr,
               "Exported %d addresses to %s in %.2f s: %d files written, %d unchanged, %d removed; "
               "%d redirects; %d linked addresses not exported\n",
               report->files, o.exp.dir.c_str(), report->seconds, report->written, report->unchanged, report->removed,
               report->redirects, report->skipped);
  return 0;
}

}  // namespace

void AddExportStatic(CLI::App& exp, int* exit_code) {
  auto o = std::make_shared<ExportStaticOptions>();
  auto* cmd = exp.add_subcommand("static", "Write the public site as files any web server can serve");
  AddDbOption(*cmd, o->config.db);
  cmd->add_option("dir", o->exp.dir, "Folder to write (created if needed; re-runs write only what changed)")
      ->required();
  cmd->add_option("--theme-dir", o->config.theme_dir, "Theme folder (default: themes/default shipped with Gazette)")
      ->envname("GAZETTE_THEME_DIR");
  cmd->add_option("--threads", o->exp.threads, "Threads rendering and compressing")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--comments-url", o->comments_url,
                  "The live Gazette the pages' comment form posts to (default: the same origin, /comments)");
  cmd->add_flag("--no-comment-form", o->no_comment_form, "Leave the comment form out of the pages");
  cmd->callback([o, exit_code] { *exit_code = RunExportStatic(*o); });
}

}  // namespace gazette::cli
