// Comment threads: approved comments arranged as replies, to a maximum depth, oldest first.
#pragma once

#include <vector>

#include "comments/comment.h"

namespace gazette::comments {

struct ThreadEntry {
  const Comment* comment = nullptr;  // points into the list given to BuildThread
  int depth = 1;                     // 1 for a top-level comment
  bool can_reply = false;            // depth < max_depth
  bool has_children = false;         // the next entry is its first reply
  int closes = 0;                    // how many levels of replies end after this entry
};

// Orders `approved` (any order) depth-first, each level oldest first. Replies deeper than
// `max_depth` are shown at `max_depth` under their nearest shown ancestor; a reply whose parent
// is not in the list (not approved) is shown at the top level. `approved` must outlive the result.
std::vector<ThreadEntry> BuildThread(const std::vector<Comment>& approved, int max_depth);

}  // namespace gazette::comments
