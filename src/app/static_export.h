// StaticExport: `gazette export static DIR`. Asks the site for every public address through
// Server::Handle (the live server's own route table and renderers), writes each answer where a
// plain file server finds it (exports/static_layout.h) with a .gz and a .br beside it, writes the
// redirects as an nginx map, and removes what an earlier run wrote for addresses now gone.
#pragma once

#include <string>

#include "app/server.h"
#include "common/result.h"
#include "exports/comment_form.h"

namespace gazette::app {

struct StaticExportOptions {
  std::string dir;
  int threads = 2;  // render and compress in parallel; SQLite reads use a connection per thread
  exports::CommentFormTarget comment_form;  // where the pages' comment form posts, if anywhere
};

struct StaticExportReport {
  int files = 0;      // addresses exported (without their .gz and .br)
  int written = 0;    // files written this run, .gz and .br included
  int unchanged = 0;  // files left as they were (same bytes; mtime kept)
  int removed = 0;    // files of an earlier run no longer in the site
  int redirects = 0;  // lines in redirects.map and redirects-query.map
  int skipped = 0;    // linked local addresses that did not answer 200 (listed in the log)
  double seconds = 0;
};

// Exports the site `server` opened (Server::Open) into options.dir. The crawl starts at the
// home page, the feeds, the sitemaps, robots.txt, the theme's files and every tag's and
// author's archive, and follows every local link of every HTML page and every <loc> of every
// sitemap. kUnavailable on an I/O failure; a page that fails to render is skipped and counted.
Result<StaticExportReport> ExportStatic(Server& server, const StaticExportOptions& options);

}  // namespace gazette::app
