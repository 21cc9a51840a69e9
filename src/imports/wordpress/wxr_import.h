// Importing a WordPress export (WXR): authors as (disabled) users and bylines, categories and
// tags as tags, posts and pages with their comments, featured and body images from the uploads
// folder, and every old address (?p=ID, permalinks, /category/SLUG/, attachment pages) as a
// redirect. Each thing is matched by its WordPress id through the import ledger, so running the
// import again changes nothing and a later export brings in only what is new or changed.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "accounts/account_repository.h"
#include "comments/comment_repository.h"
#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/article_service.h"
#include "content/editorial_repository.h"
#include "content/footer_menu.h"
#include "content/import_ledger.h"
#include "content/permalink.h"
#include "content/redirects.h"
#include "imports/wordpress/wxr_reader.h"
#include "media/media_service.h"

namespace gazette::imports::wordpress {

// Where the import writes. REQUIRES: all outlive the import. `redirects` null: old addresses are
// counted as not kept; `media` null: images stay links to the old site.
struct WxrTargets {
  content::ArticleService& articles;
  const content::ArticleRepository& store;
  comments::CommentRepository& comments;
  content::EditorialRepository& editorial;
  accounts::UserRepository& users;
  content::ImportLedger& ledger;
  const Clock& clock;
  content::RedirectRepository* redirects = nullptr;
  media::MediaService* media = nullptr;
  // The site's permalink pattern, so that an old address that is an article's own is not made a
  // redirect (it would loop). Null: every old address is kept.
  const content::Permalink* permalink = nullptr;
};

struct WxrImportOptions {
  std::string media_dir;         // the old site's wp-content/uploads folder; "" for none
  int utc_offset_minutes = 0;    // of wp:post_date, used where an item has no *_gmt date
  bool skip_pings = false;       // leave pingbacks and trackbacks out
  int ip_retention_days = 30;    // comments older than this arrive without their IP address
  WxrLimits limits;
};

struct KindCounts {
  int imported = 0, updated = 0, unchanged = 0, skipped = 0;
  int Total() const { return imported + updated + unchanged; }
};

struct SkippedItem {
  std::string what;    // "post 12 \"Hello\" (line 80)"
  std::string reason;  // "in the trash"
};

// The export's navigation menu (its nav_menu_item posts), as far as Gazette can say it: the
// items that lead to a category or tag become the sections, those that lead to a page the
// footer menu; the rest (custom links, posts, sub-items) are listed, not kept.
struct WxrMenu {
  std::string name;                        // the WordPress menu ("Primary"); "" for none
  std::vector<std::string> sections;       // tag names, in menu order
  std::vector<content::MenuLink> links;    // label and Gazette path of a page, in menu order
  std::vector<std::string> left_out;       // "Contact (a custom link)"
};

struct WxrImportSummary {
  std::string site_title, wxr_version;
  KindCounts posts, pages, comments, users, media;
  int tags = 0;  // categories and tags of the export
  int terms_unused = 0;  // of those, carried by no imported post: no tag, no redirect
  int redirects_added = 0, redirects_unchanged = 0, redirects_not_kept = 0;
  int sticky = 0;           // sticky posts (Gazette has no sticky flag: imported as others)
  int pings_left_out = 0;   // with --skip-pings
  int images_linked = 0;    // images left as links to the old site (no file in --media-dir)
  std::vector<SkippedItem> skipped;
  std::map<std::string, int> post_types_skipped;  // post type not imported → how many items
  std::map<std::string, int> custom_taxonomies;   // taxonomy → how many terms or uses
  std::map<std::string, int> post_formats;        // "post-format-gallery" → posts
  std::map<std::string, int> shortcodes, html_blocks, dropped_blocks;
  std::vector<std::string> notes;
  WxrMenu menu;
  std::vector<std::string> top_categories;  // names of the used top-level categories, by slug
  bool Changed() const {
    return posts.imported + posts.updated + pages.imported + pages.updated + comments.imported +
               comments.updated + users.imported + media.imported + redirects_added > 0;
  }
};

// Imports the export at `path` in two passes (the first collects what items refer to, the
// second imports item by item). `progress(done, total)` after each item. kInvalidArgument for a
// file the reader refuses (see WxrReader::Next); storage failures as they are. Items that cannot
// be imported are skipped and listed; the rest go on.
Result<WxrImportSummary> ImportWxr(const WxrTargets& targets, const std::string& path, const WxrImportOptions& options,
                                   const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace gazette::imports::wordpress
