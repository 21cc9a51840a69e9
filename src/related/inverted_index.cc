// InvertedIndex: slots keep postings small (32-bit) and make removal a scan of the removed
// article's own posting lists only.
#include "related/inverted_index.h"

#include <algorithm>

namespace gazette::related {

void InvertedIndex::Add(content::ArticleId id, UnixTime published_at, TermVector vector) {
  Remove(id);
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(entries_.size());
    entries_.emplace_back();
  }
  for (const auto& t : vector) postings_[t.term].push_back(Posting{slot, t.weight});
  entries_[slot] = Entry{id, published_at, std::move(vector)};
  slot_of_[id] = slot;
}

void InvertedIndex::Remove(content::ArticleId id) {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  const std::uint32_t slot = it->second;
  for (const auto& t : entries_[slot].vector) {
    auto p = postings_.find(t.term);
    if (p == postings_.end()) continue;
    std::erase_if(p->second, [slot](const Posting& x) { return x.slot == slot; });
    if (p->second.empty()) postings_.erase(p);
  }
  entries_[slot] = Entry{};
  free_slots_.push_back(slot);
  slot_of_.erase(it);
}

const InvertedIndex::Entry* InvertedIndex::Find(content::ArticleId id) const {
  auto it = slot_of_.find(id);
  return it == slot_of_.end() ? nullptr : &entries_[it->second];
}

std::vector<Candidate> InvertedIndex::Score(const TermVector& query, const WeightingOptions& options,
                                            Scratch& scratch) const {
  scratch.acc.resize(entries_.size());
  scratch.touched.clear();
  for (const auto& q : query) {
    auto p = postings_.find(q.term);
    if (p == postings_.end()) continue;
    for (const Posting& x : p->second) {
      Similarity& s = scratch.acc[x.slot];
      if (s.words == 0 && s.tags == 0) scratch.touched.push_back(x.slot);
      (q.tag ? s.tags : s.words) += double(q.weight) * x.weight;
    }
  }
  std::vector<Candidate> out;
  out.reserve(scratch.touched.size());
  for (std::uint32_t slot : scratch.touched) {
    const Similarity s = scratch.acc[slot];
    scratch.acc[slot] = Similarity{};
    out.push_back(Candidate{entries_[slot].id, s, s.Score(options), entries_[slot].published_at});
  }
  return out;
}

std::vector<content::ArticleId> Nearest(std::vector<Candidate> candidates, content::ArticleId self, int count,
                                        double near_duplicate) {
  std::erase_if(candidates, [&](const Candidate& c) {
    return c.id == self || c.score <= 0 || (near_duplicate < 1 && c.similarity.words >= near_duplicate);
  });
  const auto n = std::min(candidates.size(), static_cast<std::size_t>(std::max(count, 0)));
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n), candidates.end(), Better);
  std::vector<content::ArticleId> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(candidates[i].id);
  return out;
}

}  // namespace gazette::related
