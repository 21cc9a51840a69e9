// The first of the import's two passes over a WordPress export: what items refer to across the
// file (authors by login, categories by slug and their parents, attachments by id, page parents)
// collected without the posts' text, so that the second pass can import one item at a time.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "imports/wordpress/wxr_reader.h"

namespace gazette::imports::wordpress {

struct AttachmentInfo {
  std::string url;            // wp:attachment_url
  std::string attached_file;  // _wp_attached_file: its path under wp-content/uploads
  std::string title, alt, caption, link;
  std::int64_t parent = 0;  // the post it was uploaded to
};

struct WxrIndex {
  WxrSite site;
  std::string source;  // the site's address, the ledger's key: base_blog_url, else link
  std::vector<WxrAuthor> authors;
  std::map<std::string, WxrTerm> categories;  // by slug
  std::vector<WxrTerm> tags;
  std::map<std::string, int> custom_terms;  // taxonomy → how many terms
  std::map<std::int64_t, AttachmentInfo> attachments;
  std::map<std::int64_t, std::pair<std::string, std::int64_t>> pages;  // id → post_name, parent
  std::size_t items = 0;

  // The byline for a dc:creator login: the author's display name, else the login itself.
  std::string DisplayName(const std::string& login) const;
  // A page's path from its ancestors' names: "about/team". "" when the page has no name.
  std::string PagePath(std::int64_t id) const;
  // The category and its ancestors, nearest first (a cycle is cut).
  std::vector<const WxrTerm*> CategoryChain(const std::string& slug) const;
};

// An item's WordPress id: wp:post_id, else the ?p= or ?page_id= of its guid or link (old
// exports have no wp:post_id); 0 when none says.
std::int64_t ItemId(const WxrItem& item);

// Reads the whole export once. The reader's errors as they are.
Result<WxrIndex> IndexWxr(const std::string& path, const WxrLimits& limits);

}  // namespace gazette::imports::wordpress
