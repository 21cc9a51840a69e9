// RelatedRepository: the precomputed "You May Also Like" lists, so a page view costs one lookup.
#pragma once

#include <map>
#include <vector>

#include "common/result.h"
#include "content/article.h"

namespace gazette::related {

struct RelatedLink {
  content::ArticleId id = 0;
  double score = 0;
};

using RelatedLists = std::map<content::ArticleId, std::vector<RelatedLink>>;

class RelatedRepository {
 public:
  virtual ~RelatedRepository() = default;
  // Replaces every stored list with `lists`, in one transaction.
  virtual Status ReplaceAll(const RelatedLists& lists) = 0;
  // The stored list of `article`, in rank order, leaving out anything not published (now).
  virtual Result<std::vector<content::ArticleSummary>> For(content::ArticleId article, int limit) const = 0;
};

}  // namespace gazette::related
