// The whole archive's "You May Also Like" lists, computed in memory: for `gazette related
// rebuild`, and as the reference the incremental update must agree with.
#pragma once

#include <functional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "content/article_repository.h"
#include "related/inverted_index.h"
#include "related/related_repository.h"
#include "related/selection.h"
#include "related/term_vector.h"

namespace gazette::related {

struct SimilarityOptions {
  WeightingOptions weighting;
  SelectionOptions selection;
};

// Called as work proceeds: phase ("Reading", "Expanding", "Scoring"), done, total.
using Progress = std::function<void(std::string_view phase, std::size_t done, std::size_t total)>;

struct ComputedIndex {
  std::vector<std::pair<std::string, int>> vocabulary;  // term and df; term id = index + 1
  std::vector<IndexedArticle> articles;
  IndexStats stats;
  RelatedLists lists;  // every article's list (empty lists included)
};

// Indexes `articles` (those published after `now` are scheduled: they get a list but are never
// a candidate) and selects every list. Uses every core.
ComputedIndex ComputeAll(const std::vector<content::ArticleText>& articles,
                         const std::unordered_map<content::ArticleId, Overrides>& overrides,
                         const SimilarityOptions& options, UnixTime now, const Progress& progress = {});

// Just the lists, with no overrides, everything published.
RelatedLists ComputeRelated(const std::vector<content::ArticleText>& articles, const SimilarityOptions& options);

// The list of `self` from its candidates (InvertedIndex::Score of its vector). `entry_of` gives a
// candidate's entry in that index (for pins), or null if it is not a candidate; `indexed_of` gives
// an indexed article (its base vector and share, for near-duplicate checks), or null.
std::vector<RelatedLink> ChooseList(content::ArticleId self, const TermVector& vector,
                                    std::vector<Candidate> candidates, Overrides overrides,
                                    const std::function<const InvertedIndex::Entry*(content::ArticleId)>& entry_of,
                                    const std::function<const IndexedArticle*(content::ArticleId)>& indexed_of,
                                    const SimilarityOptions& options);

}  // namespace gazette::related
