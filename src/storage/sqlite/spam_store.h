// SpamStore: the learning spam filter's counts (comments::SpamModelRepository) on SQLite.
#pragma once

#include "comments/spam_filter.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class SpamStore final : public comments::SpamModelRepository {
 public:
  explicit SpamStore(Database& db) : db_(db) {}
  Result<comments::SpamTotals> Totals() const override;
  Result<std::map<std::string, comments::TokenCounts>> Counts(const std::vector<std::string>& tokens) const override;
  // One transaction per document, so the counts never disagree with spam_training.
  Status Train(std::int64_t id, const std::vector<std::string>& tokens, bool is_spam) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
