// InvertedIndex: term vectors of the articles that can be suggested, indexed by term, in memory,
// so that an article's similarity to the whole archive costs one pass over the postings of its
// own terms. Used by the full rebuild and by incremental updates alike, so both sum the same
// products in the same order.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "common/time.h"
#include "related/selection.h"
#include "related/term_vector.h"

namespace gazette::related {

class InvertedIndex {
 public:
  struct Entry {
    content::ArticleId id = 0;
    UnixTime published_at = 0;
    TermVector vector;
  };

  // Adds the article, replacing what was indexed for it.
  void Add(content::ArticleId id, UnixTime published_at, TermVector vector);
  void Remove(content::ArticleId id);
  const Entry* Find(content::ArticleId id) const;
  std::size_t size() const { return slot_of_.size(); }

  // Reusable working memory for Score: one per thread.
  struct Scratch {
    std::vector<Similarity> acc;
    std::vector<std::uint32_t> touched;
  };
  // Every indexed article sharing a term with `query` (the article itself included, if indexed),
  // with its similarity, summed term by term in the order of `query`. Thread-safe for concurrent
  // readers, each with its own scratch.
  std::vector<Candidate> Score(const TermVector& query, const WeightingOptions& options, Scratch& scratch) const;

 private:
  struct Posting {
    std::uint32_t slot;
    float weight;
  };
  std::vector<Entry> entries_;  // by slot; a removed entry has id 0
  std::vector<std::uint32_t> free_slots_;
  std::unordered_map<content::ArticleId, std::uint32_t> slot_of_;
  std::unordered_map<TermId, std::vector<Posting>> postings_;
};

// The `count` best candidates (Better order) other than `self` and its near-duplicates (word
// similarity at or above `near_duplicate`, if below 1).
std::vector<content::ArticleId> Nearest(std::vector<Candidate> candidates, content::ArticleId self, int count,
                                        double near_duplicate);

}  // namespace gazette::related
