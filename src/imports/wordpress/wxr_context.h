// What the steps of a WXR import share: its targets and options, the first pass's index, the
// summary being filled, and the helpers every step needs (ledger keys, dates, redirects).
// Internal to gazette_imports.
#pragma once

#include <optional>
#include <string>

#include "imports/wordpress/wxr_import.h"
#include "imports/wordpress/wxr_index.h"

namespace gazette::imports::wordpress {

struct ImportContext {
  const WxrTargets& t;
  const WxrImportOptions& o;
  const WxrIndex& index;
  WxrImportSummary& s;
  UnixTime now = 0;

  content::LedgerKey Key(const char* kind, std::int64_t id) const { return {index.source, kind, id}; }
  // A WordPress time: the GMT one, else the local one moved by --utc-offset; nullopt for neither.
  std::optional<UnixTime> Date(std::string_view gmt, std::string_view local) const;
  // Makes `raw_from` (a URL or path of the old site) answer with `target`, unless it is empty,
  // the home page or `own_path` (the target's own address). Counted in the summary; a source
  // the repository refuses is noted, not returned.
  Status Redirect(std::string_view raw_from, const content::Redirect& target, const std::string& own_path = "");
};

// The Gazette address of a tag named `name`: "/tag/SLUG/".
std::string TagPath(std::string_view name);

// A comment's HTML as the plain text Gazette keeps: tags dropped, entities decoded, paragraphs
// and line breaks kept as new lines.
std::string CommentText(std::string_view html);

// A title or term name as WordPress stores it (HTML: "Media &amp; Text", sometimes <em>) as the
// one line of plain text Gazette keeps.
std::string InlineText(std::string_view html);

// Imports the comments of `item` under `article`, parents before replies. Storage errors.
Status ImportComments(ImportContext& c, content::ArticleId article, const WxrItem& item, const std::string& what);

// The navigation menu: items are collected as the second pass meets them (Collect), and
// resolved into summary.menu once every post is in (Resolve).
class MenuItems {
 public:
  explicit MenuItems(ImportContext& c) : c_(c) {}
  void Collect(const WxrItem& item);
  Status Resolve();

 private:
  struct Entry {
    std::string menu, label, type, object, url;
    std::int64_t object_id = 0, parent = 0;
    int order = 0;
  };
  ImportContext& c_;
  std::vector<Entry> entries_;
};

// The media library side: image files of the old site's uploads folder.
class UploadsFolder {
 public:
  explicit UploadsFolder(ImportContext& c) : c_(c) {}
  // The /media/ address for an image of the old site, its file imported on first use; `url`
  // itself when there is no such file (counted as linked).
  std::string Rewrite(std::string_view url);
  // The library item for an attachment, its file imported on first use; nullopt without one.
  std::optional<media::MediaItem> ForAttachment(std::int64_t id);

 private:
  std::optional<media::MediaItem> Load(const std::string& relative, const std::string& alt);
  std::string Locate(std::string_view url_or_path) const;

  ImportContext& c_;
  std::map<std::string, std::optional<media::MediaItem>> loaded_;  // by path under the folder
};

}  // namespace gazette::imports::wordpress
