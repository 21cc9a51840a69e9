// Line diff: what changed between two versions of an article's text (for revisions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::content {

struct DiffLine {
  enum class Op { kSame, kAdded, kRemoved };
  Op op = Op::kSame;
  std::string text;
};

// The lines of `before` and `after` as a shortest edit (longest common subsequence), in order.
// Quadratic in the number of lines: meant for articles, not books (over 5,000 lines on either
// side it reports every line removed and added).
std::vector<DiffLine> DiffLines(std::string_view before, std::string_view after);

}  // namespace gazette::content
