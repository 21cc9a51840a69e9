// DiffLines: a shortest line diff.
#include "content/text_diff.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

std::string Show(const std::vector<DiffLine>& d) {
  std::string s;
  for (const auto& l : d)
    s += (l.op == DiffLine::Op::kSame ? " " : l.op == DiffLine::Op::kAdded ? "+" : "-") + l.text + "|";
  return s;
}

TEST(TextDiffTest, ShowsAddedAndRemovedLines) {
  EXPECT_EQ(Show(DiffLines("a\nb\nc", "a\nx\nc")), " a|-b|+x| c|");
  EXPECT_EQ(Show(DiffLines("", "new")), "+new|");
  EXPECT_EQ(Show(DiffLines("same\n", "same\n")), " same|");
  EXPECT_EQ(Show(DiffLines("a\nb", "b")), "-a| b|");
}

}  // namespace
}  // namespace gazette::content
