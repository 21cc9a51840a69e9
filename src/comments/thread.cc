// Thread building: children lists by parent, then one depth-first walk.
#include "comments/thread.h"

#include <algorithm>
#include <functional>
#include <map>

namespace gazette::comments {

std::vector<ThreadEntry> BuildThread(const std::vector<Comment>& approved, int max_depth) {
  max_depth = std::max(1, max_depth);
  std::map<CommentId, const Comment*> by_id;
  for (const auto& c : approved) by_id[c.id] = &c;
  std::map<CommentId, std::vector<const Comment*>> children;  // 0: top level
  for (const auto& c : approved) {
    const CommentId parent = c.parent_id && by_id.contains(*c.parent_id) && *c.parent_id != c.id ? *c.parent_id : 0;
    children[parent].push_back(&c);
  }
  for (auto& [_, list] : children)
    std::sort(list.begin(), list.end(), [](const Comment* a, const Comment* b) {
      return a->created_at != b->created_at ? a->created_at < b->created_at : a->id < b->id;
    });

  std::vector<ThreadEntry> out;
  std::map<CommentId, bool> seen;
  // Collects the comments shown flat under a comment at max_depth: all its descendants, by time.
  std::function<void(CommentId, std::vector<const Comment*>&)> descendants = [&](CommentId id, auto& acc) {
    auto it = children.find(id);
    if (it == children.end()) return;
    for (const Comment* c : it->second) {
      if (seen[c->id]) continue;
      seen[c->id] = true;
      acc.push_back(c);
      descendants(c->id, acc);
    }
  };
  std::function<void(CommentId, int)> walk = [&](CommentId parent, int depth) {
    std::vector<const Comment*> level;
    if (depth > max_depth) return;
    if (auto it = children.find(parent); it != children.end()) {
      for (const Comment* c : it->second) {
        if (seen[c->id]) continue;
        seen[c->id] = true;
        level.push_back(c);
        if (depth == max_depth) descendants(c->id, level);
      }
    }
    if (depth == max_depth)
      std::sort(level.begin(), level.end(), [](const Comment* a, const Comment* b) {
        return a->created_at != b->created_at ? a->created_at < b->created_at : a->id < b->id;
      });
    for (const Comment* c : level) {
      out.push_back({c, depth, depth < max_depth, false, 0});
      const std::size_t index = out.size() - 1;
      if (depth < max_depth) walk(c->id, depth + 1);
      out[index].has_children = out.size() > index + 1;
      if (out[index].has_children) out.back().closes += 1;
    }
  };
  walk(0, 1);
  return out;
}

}  // namespace gazette::comments
