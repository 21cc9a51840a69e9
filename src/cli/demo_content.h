// The demo site's content: Markdown articles with a small header, and comments in JSON.
#pragma once

#include <string>

#include "app/site.h"
#include "common/result.h"

namespace gazette::cli {

// Adds every demo/articles/*.md (header lines "key: value" up to "---") and demo/comments.json.
// Returns how many articles were added.
Result<int> LoadDemoContent(app::Site& site, const std::string& demo_dir);

}  // namespace gazette::cli
