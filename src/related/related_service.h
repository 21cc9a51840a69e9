// RelatedService: keeps the "You May Also Like" lists current and answers them per article.
#pragma once

#include <mutex>
#include <vector>

#include "common/result.h"
#include "content/article_repository.h"
#include "related/related_repository.h"
#include "related/similarity.h"

namespace gazette::related {

class RelatedService {
 public:
  RelatedService(const content::ArticleRepository& articles, RelatedRepository& related, SimilarityOptions options = {})
      : articles_(articles), related_(related), options_(options) {}

  // Recomputes every published article's list from the current archive. Thread-safe.
  Status Rebuild();
  // The stored list for `article`: published articles only, best first.
  Result<std::vector<content::ArticleSummary>> For(content::ArticleId article) const {
    return related_.For(article, options_.top_k);
  }

 private:
  const content::ArticleRepository& articles_;
  RelatedRepository& related_;
  SimilarityOptions options_;
  std::mutex rebuild_mutex_;
};

}  // namespace gazette::related
