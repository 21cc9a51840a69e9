// Measuring the spam filter: k-fold cross-validation over labelled comments.
#pragma once

#include <vector>

#include "comments/comment.h"

namespace gazette::comments {

struct LabelledComment {
  Comment comment;
  bool is_spam = false;
};

struct SpamEvaluation {
  int true_spam = 0, false_spam = 0, true_ham = 0, false_ham = 0;  // predicted x actual
  double SpamPrecision() const { return Ratio(true_spam, true_spam + false_spam); }
  double SpamRecall() const { return Ratio(true_spam, true_spam + false_ham); }
  double HamPrecision() const { return Ratio(true_ham, true_ham + false_ham); }
  double HamRecall() const { return Ratio(true_ham, true_ham + false_spam); }
  double Accuracy() const { return Ratio(true_spam + true_ham, true_spam + true_ham + false_spam + false_ham); }

 private:
  static double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
};

// Shuffles `data` with `seed`, splits it into `folds` parts, trains a fresh SpamFilter
// (MemorySpamModel) on all but one part, one comment at a time as moderators would, and
// classifies the held-out part as spam when the probability is >= threshold. Summed over folds.
SpamEvaluation CrossValidate(std::vector<LabelledComment> data, int folds, double threshold, unsigned seed);

}  // namespace gazette::comments
