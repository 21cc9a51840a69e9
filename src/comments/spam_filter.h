// SpamFilter: a naive Bayes classifier over a comment's words, links and author fields, trained
// incrementally by moderators' approve and spam decisions. Multinomial over each comment's
// distinct features ("binarized" multinomial NB): unlike a presence-only Bernoulli model it does
// not take a long comment's common words as evidence, which measured far better on short comments.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "comments/comment.h"
#include "common/result.h"

namespace gazette::comments {

struct TokenCounts {
  std::int64_t spam = 0;  // spam documents that contained the token
  std::int64_t ham = 0;
};

// What the model has seen in all: documents and (distinct-per-document) features per class, and
// how many distinct features there are.
struct SpamTotals {
  std::int64_t spam_docs = 0, ham_docs = 0;
  std::int64_t spam_features = 0, ham_features = 0;
  std::int64_t vocabulary = 0;
};

// Where the filter's counts are kept (storage/ keeps them in the database). Thread-safe.
class SpamModelRepository {
 public:
  virtual ~SpamModelRepository() = default;
  virtual Result<SpamTotals> Totals() const = 0;
  // The counts of each token that has any (absent tokens were never seen).
  virtual Result<std::map<std::string, TokenCounts>> Counts(const std::vector<std::string>& tokens) const = 0;
  // Records that document `id` (with these distinct tokens) is spam or not. A document trained
  // before with the other label moves; with the same label, nothing changes.
  virtual Status Train(std::int64_t id, const std::vector<std::string>& tokens, bool is_spam) = 0;
};

// The model in memory, for evaluation and tests.
class MemorySpamModel final : public SpamModelRepository {
 public:
  Result<SpamTotals> Totals() const override;
  Result<std::map<std::string, TokenCounts>> Counts(const std::vector<std::string>& tokens) const override;
  Status Train(std::int64_t id, const std::vector<std::string>& tokens, bool is_spam) override;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, TokenCounts> counts_;
  std::map<std::int64_t, bool> labels_;
  SpamTotals totals_;
};

// The distinct features of a comment: lowercased words, "url:HOST" per link, "links:N", "name:WORD"
// and "site:HOST". Never the email address.
std::vector<std::string> SpamFeatures(const Comment& comment);

class SpamFilter {
 public:
  explicit SpamFilter(SpamModelRepository& model) : model_(model) {}

  // The probability that `comment` is spam, or nullopt while either class has fewer than
  // `min_training` documents.
  Result<std::optional<double>> Score(const Comment& comment, int min_training) const;
  Status Learn(const Comment& comment, bool is_spam) {
    return model_.Train(comment.id, SpamFeatures(comment), is_spam);
  }

 private:
  SpamModelRepository& model_;
};

}  // namespace gazette::comments
