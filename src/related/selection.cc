// Selection walks the candidates best first and stops at top_k, so the near-duplicate checks
// (which need two vectors) run for a handful of candidates only.
#include "related/selection.h"

#include <algorithm>

namespace gazette::related {

bool Better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.published_at != b.published_at) return a.published_at > b.published_at;
  return a.id > b.id;
}

std::vector<RelatedLink> Select(SelectionInput in, const SelectionOptions& options) {
  std::vector<RelatedLink> list;
  const auto k = static_cast<std::size_t>(std::max(0, options.top_k));
  auto listed = [&](content::ArticleId id) {
    return std::any_of(list.begin(), list.end(), [id](const RelatedLink& l) { return l.id == id; });
  };
  for (content::ArticleId pin : in.overrides.pins) {
    if (list.size() >= k) return list;
    if (pin == in.self || listed(pin)) continue;
    if (auto c = in.pinnable ? in.pinnable(pin) : std::nullopt) list.push_back({pin, c->score});
  }
  const std::size_t pinned = list.size();
  const bool dedupe = options.near_duplicate < 1.0;
  // Sorted lazily, a batch at a time: an article can have thousands of candidates.
  auto& cs = in.candidates;
  std::size_t sorted = 0;
  for (std::size_t i = 0; i < cs.size() && list.size() < k; ++i) {
    if (i == sorted) {
      const std::size_t next = std::min(cs.size(), std::max<std::size_t>(2 * sorted, 4 * k + 8));
      std::partial_sort(cs.begin() + static_cast<std::ptrdiff_t>(sorted),
                        cs.begin() + static_cast<std::ptrdiff_t>(next), cs.end(), Better);
      sorted = next;
    }
    const Candidate& c = cs[i];
    if (c.score <= 0 || c.id == in.self || listed(c.id)) continue;
    if (std::find(in.overrides.excludes.begin(), in.overrides.excludes.end(), c.id) != in.overrides.excludes.end())
      continue;
    if (dedupe && in.text_similarity) {
      bool twin = in.text_similarity(in.self, c.id) >= options.near_duplicate;
      for (std::size_t i = pinned; i < list.size() && !twin; ++i)
        twin = in.text_similarity(c.id, list[i].id) >= options.near_duplicate;
      if (twin) continue;
    }
    list.push_back({c.id, c.score});
  }
  return list;
}

}  // namespace gazette::related
