// Content similarity between articles: weighted term vectors and cosine similarity.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/article_repository.h"
#include "related/related_repository.h"

namespace gazette::related {

// Lowercased words of `text` with stop words and very short words removed, lightly stemmed
// ("rises" -> "rise", "policies" -> "policy").
std::vector<std::string> Terms(std::string_view text);

struct SimilarityOptions {
  int top_k = 4;
  double title_weight = 3.0;  // a word of the headline counts as this many body words
  double tag_weight = 2.0;    // tag cosine counts double: shared tags first, words order the rest
  int query_terms = 40;       // strongest terms of an article used to look for neighbours
};

// For each article, the top_k most similar other articles (cosine of TF-IDF vectors), best first;
// ties go to the more recent article.
RelatedLists ComputeRelated(const std::vector<content::ArticleText>& articles, const SimilarityOptions& options);

}  // namespace gazette::related
