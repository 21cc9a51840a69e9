// The parts of a WXR document, written by WxrDocument's callers in wxr_export.cc and
// wxr_items.cc. Internal to gazette_exports.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/xml_writer.h"
#include "content/permalink.h"
#include "exports/wxr_export.h"

namespace gazette::exports {

// WordPress's "2026-12-07 13:05:00" (Gazette keeps UTC, so local and GMT times agree).
std::string WpDate(UnixTime t);

struct WxrContext {
  const WxrSources& sources;
  content::Permalink permalink;
  std::map<std::string, std::int64_t> category_ids;  // section slug -> its term id
  std::int64_t attachment_id_base = 0;               // attachment post id = base + media id
  std::map<content::ArticleId, UnixTime> schedules;   // scheduled drafts and their time
  std::set<content::ArticleId> trashed;
  std::map<std::string, content::ArticleId> page_ids;  // a page's path -> its id
  WxrCounts counts;
};

// One <item> for the article, and one for its featured image if it has one.
Status WriteArticleItem(WxrContext& context, const content::Article& article,
                        const std::vector<comments::Comment>& comments, XmlWriter& xml);

}  // namespace gazette::exports
