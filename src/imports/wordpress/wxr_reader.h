// Reading a WordPress export (WXR 1.0-1.2) one record at a time: the site's header, each author,
// category, tag and custom term, and each item (post, page, attachment, menu item...) with its
// post meta and comments. Only the record being read is held in memory, so a 1 GB export is
// read in the memory of its largest post.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.h"

namespace gazette::imports::wordpress {

struct WxrSite {
  std::string title, link, description, language;
  std::string wxr_version;    // "1.0", "1.1" or "1.2"
  std::string base_site_url, base_blog_url;
  std::string generator;
};

struct WxrAuthor {
  std::int64_t id = 0;  // 0 when the export does not number authors
  std::string login, email, display_name, first_name, last_name, description;
};

// A category (taxonomy "category"), tag ("post_tag") or other term (wp:term, its own taxonomy).
struct WxrTerm {
  std::string taxonomy;
  std::int64_t id = 0;
  std::string slug, name, parent_slug, description;
};

struct WxrComment {
  std::int64_t id = 0, parent = 0, user_id = 0;
  std::string author, email, url, ip, date, date_gmt, content;
  std::string approved;  // "1", "0", "spam", "trash"
  std::string type;      // "" or "comment", "pingback", "trackback"
};

// A <category> of an item: its taxonomy (domain), slug (nicename) and name.
struct WxrTermRef {
  std::string domain, slug, name;
};

struct WxrItem {
  int line = 0;  // where the item starts in the file
  std::string title, link, pub_date, creator, guid, description, content, excerpt;
  std::int64_t post_id = 0, post_parent = 0;
  std::string post_date, post_date_gmt, modified, modified_gmt;
  std::string comment_status, post_name, status, post_type, attachment_url;
  int menu_order = 0;
  bool sticky = false;
  std::vector<WxrTermRef> terms;
  std::vector<std::pair<std::string, std::string>> meta;  // wp:postmeta key, value
  std::vector<WxrComment> comments;

  // The value of the first post meta with this key, or "".
  std::string Meta(std::string_view key) const;
};

using WxrRecord = std::variant<WxrSite, WxrAuthor, WxrTerm, WxrItem>;

struct WxrLimits {
  std::uint64_t max_bytes = 2ULL << 30;  // a larger file is refused before it is read
};

class WxrReader {
 public:
  // Opens the export at `path`. kNotFound if it does not exist; kInvalidArgument if it is
  // larger than `limits.max_bytes`.
  static Result<std::unique_ptr<WxrReader>> Open(const std::string& path, const WxrLimits& limits = {});
  ~WxrReader();

  // The next record in document order, nullopt at the end. The site header comes first, once,
  // as soon as its WXR version is known. kInvalidArgument, with the line, for XML that is not
  // well-formed, a DOCTYPE (entity declarations are never expanded: no XXE, no "billion
  // laughs"), a document that is not WXR, and a WXR version other than 1.0, 1.1 and 1.2.
  Result<std::optional<WxrRecord>> Next();

  struct State;

 private:
  explicit WxrReader(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

// Reads "YYYY-MM-DD HH:MM:SS" (WordPress's dates); nullopt for "0000-00-00 00:00:00" and
// anything malformed.
std::optional<std::int64_t> ParseWpDate(std::string_view s);

}  // namespace gazette::imports::wordpress
