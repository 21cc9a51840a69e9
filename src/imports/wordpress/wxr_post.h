// One post or page of a WordPress export as Gazette will store it: the draft (converted text,
// tags from its categories and tags, byline, status, date), its schedule, and its old addresses.
// Internal to gazette_imports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "imports/wordpress/wxr_context.h"

namespace gazette::imports::wordpress {

struct PostPlan {
  content::ArticleDraft draft;
  std::optional<UnixTime> schedule;  // a "future" post: stored as a draft, published then
  bool comments_closed = false;
  std::vector<std::string> old_addresses;  // as the old site wrote them
};

// kInvalidArgument with the reason when the item is not imported (trash, a status with no
// Gazette meaning). Conversion reports go into the summary.
Result<PostPlan> PlanPost(ImportContext& c, const WxrItem& item, UploadsFolder& uploads);

}  // namespace gazette::imports::wordpress
