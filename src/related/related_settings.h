// The related-articles settings an administrator can change, kept with the site settings.
#pragma once

#include "common/result.h"
#include "content/site_settings.h"

namespace gazette::related {

struct RelatedSettings {
  int top_k = 4;                // articles per list
  double near_duplicate = 0.8;  // text similarity (0-1) from which articles are near-duplicates; 1: allow them

  static constexpr int kMaxTopK = 20;
};

// Keys "related.top_k" and "related.near_duplicate"; unset or unreadable values keep the defaults.
Result<RelatedSettings> LoadRelatedSettings(const content::SettingsRepository& repo);
// kInvalidArgument unless 1 <= top_k <= kMaxTopK and 0 < near_duplicate <= 1.
Status SaveRelatedSettings(content::SettingsRepository& repo, const RelatedSettings& settings);

}  // namespace gazette::related
