// DiffLines: the textbook LCS table, walked forwards.
#include "content/text_diff.h"

#include <cstdint>

namespace gazette::content {
namespace {

std::vector<std::string> Lines(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.emplace_back(line);
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::vector<DiffLine> DiffLines(std::string_view before, std::string_view after) {
  const auto a = Lines(before), b = Lines(after);
  const std::size_t n = a.size(), m = b.size();
  std::vector<DiffLine> out;
  if (n > 5000 || m > 5000) {
    for (const auto& l : a) out.push_back({DiffLine::Op::kRemoved, l});
    for (const auto& l : b) out.push_back({DiffLine::Op::kAdded, l});
    return out;
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.push_back({DiffLine::Op::kSame, a[i]});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({DiffLine::Op::kRemoved, a[i++]});  // removals first, as diff(1) shows them
    } else {
      out.push_back({DiffLine::Op::kAdded, b[j++]});
    }
  }
  return out;
}

}  // namespace gazette::content
