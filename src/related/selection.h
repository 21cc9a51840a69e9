// Choosing an article's "You May Also Like" list from its scored candidates: the editor's pins
// first, then the best candidates, never the article itself, an excluded article or a
// near-duplicate; ties go to the more recent article.
#pragma once

#include <functional>
#include <vector>

#include "common/time.h"
#include "related/related_repository.h"
#include "related/term_vector.h"

namespace gazette::related {

struct Candidate {
  content::ArticleId id = 0;
  Similarity similarity;
  double score = 0;  // similarity.Score(options)
  UnixTime published_at = 0;
};

// Best first: higher score, then more recent, then higher id.
bool Better(const Candidate& a, const Candidate& b);

struct SelectionOptions {
  int top_k = 4;
  double near_duplicate = 0.8;  // text similarity at or above which two articles are near-duplicates; >= 1: off
};

struct SelectionInput {
  content::ArticleId self = 0;
  std::vector<Candidate> candidates;  // any order; sorted by Select
  Overrides overrides;
  // Pinned articles that may be shown (published, not scheduled), with their scores if known.
  std::function<std::optional<Candidate>(content::ArticleId)> pinnable;
  // Similarity of two articles' own texts (self or candidates), to keep near-duplicates of the
  // article, and of each other, out of its list. Called for the few candidates a list considers.
  std::function<double(content::ArticleId, content::ArticleId)> text_similarity;
};

std::vector<RelatedLink> Select(SelectionInput input, const SelectionOptions& options);

}  // namespace gazette::related
