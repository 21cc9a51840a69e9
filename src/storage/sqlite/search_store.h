// SearchStore: search::SearchIndex on SQLite FTS5. The index (table article_search, see migrations
// 4 and 6) is kept by triggers in the same transaction as every article change, so it only ever
// holds published articles; tag and date filters are tokens of its `facets` column.
#pragma once

#include "search/search_index.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class SearchStore final : public search::SearchIndex {
 public:
  explicit SearchStore(Database& db) : db_(db) {}

  // BM25 with the headline weighted 10, tags 4, author 2 and body 1, Porter stemming; one FTS5
  // query whatever the filters. A query
  // matching more than kRankAll articles is ranked over its headline matches and its
  // kBroadWindow most recently added matches (SearchResults::ranked says how many), so that one
  // common word costs a bounded time however large the archive.
  Result<search::SearchResults> Search(const search::SearchQuery& query) const override;

  // Rebuilds the whole index from the articles table and merges its segments. Thread-safe.
  Status Rebuild() override;
  // Merges the index's segments into one, which makes queries faster after a bulk import.
  Status Optimize() override;

  static constexpr int kRankAll = 2000;
  static constexpr int kBroadWindow = 1000;

 private:
  struct Ranked {
    std::int64_t id = 0;
    double score = 0;  // higher is better
    int tier = 0;      // 0: headline match of a broad query; 1: everything else
  };
  Result<int> Count(const std::string& expression) const;
  Status Rank(const std::string& expression, const std::string& tail, int tier, std::vector<Ranked>& out) const;
  Result<std::optional<UnixTime>> Edge(const char* sql) const;
  Result<std::optional<search::SearchHit>> Hit(const std::string& expression, const Ranked& r) const;

  Database& db_;
};

}  // namespace gazette::storage::sqlite
