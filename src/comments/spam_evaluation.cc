// Cross-validation of the spam filter, with the same code path the site uses (Learn, Score).
#include "comments/spam_evaluation.h"

#include <algorithm>
#include <random>

#include "comments/spam_filter.h"

namespace gazette::comments {

SpamEvaluation CrossValidate(std::vector<LabelledComment> data, int folds, double threshold, unsigned seed) {
  std::mt19937 rng(seed);
  std::shuffle(data.begin(), data.end(), rng);
  for (std::size_t i = 0; i < data.size(); ++i) data[i].comment.id = static_cast<CommentId>(i + 1);
  SpamEvaluation total;
  folds = std::max(2, folds);
  for (int f = 0; f < folds; ++f) {
    MemorySpamModel model;
    SpamFilter filter(model);
    for (std::size_t i = 0; i < data.size(); ++i)
      if (static_cast<int>(i % folds) != f) (void)filter.Learn(data[i].comment, data[i].is_spam);
    for (std::size_t i = f; i < data.size(); i += folds) {
      auto score = filter.Score(data[i].comment, 1);
      const bool predicted = score && *score && **score >= threshold;
      if (predicted && data[i].is_spam)
        ++total.true_spam;
      else if (predicted)
        ++total.false_spam;
      else if (data[i].is_spam)
        ++total.false_ham;
      else
        ++total.true_ham;
    }
  }
  return total;
}

}  // namespace gazette::comments
