// Importing a Hugo or Jekyll site folder: every post and page stored (or updated when it
// changed), bundle images put in the media library, old addresses kept as redirects.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "content/article_repository.h"
#include "content/article_service.h"
#include "content/permalink.h"
#include "content/redirects.h"
#include "imports/markdown/content_folder.h"
#include "media/media_service.h"

namespace gazette::imports::markdown {

// Where the import writes. REQUIRES: all outlive the import. `redirects` and `media` may be null:
// aliases are then counted as not stored, and bundle images left out.
struct ImportTargets {
  content::ArticleService& articles;
  const content::ArticleRepository& store;
  content::RedirectRepository* redirects = nullptr;
  media::MediaService* media = nullptr;
  // The site's permalink pattern, so that an old address that is the article's own is not made a
  // redirect (it would loop). Null: every old address is kept.
  const content::Permalink* permalink = nullptr;
};

struct SiteImportOptions {
  std::string default_author = "Staff";  // the byline of posts whose front matter names nobody
};

struct SiteImportSummary {
  SiteFlavour flavour = SiteFlavour::kHugo;
  int imported = 0;   // new articles and pages
  int updated = 0;    // already there (same slug), changed since
  int unchanged = 0;  // already there as they are
  int pages = 0;      // of all three, how many were static pages
  int images = 0;     // bundle images in the media library (new or already there)
  int redirects_added = 0, redirects_unchanged = 0, redirects_not_stored = 0;
  std::vector<SkippedFile> skipped;            // with the reason, "line N: ..." where known
  std::map<std::string, int> shortcodes_kept;  // shortcode name → count
  std::map<std::string, int> fields_not_kept;  // front matter field → how many posts had it
  std::vector<std::string> notes;              // "FILE: ..." for what was imported with a caveat
  bool Changed() const { return imported + updated + redirects_added > 0; }
};

// The largest content file read; a post past it is skipped as too large.
inline constexpr std::size_t kMaxPostBytes = 4 << 20;

// Imports the site in `dir` (see ScanContentFolder). A post matches a stored article by slug: it
// is created when there is none, updated when its title, text, tags, authors, excerpt, status or
// date differ, and otherwise left alone, so a second run changes nothing. Files that fail are
// skipped and listed; the rest go on. `progress(done, total)` after each file. kUnavailable when
// `dir` cannot be read or storage fails.
Result<SiteImportSummary> ImportSite(const ImportTargets& targets, const std::string& dir,
                                     const SiteImportOptions& options,
                                     const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace gazette::imports::markdown
