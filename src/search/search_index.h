// SearchIndex: full-text search over published articles. Implemented in storage/ (SQLite FTS5);
// another engine can serve the same interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "content/article.h"
#include "search/highlight.h"
#include "search/query.h"

namespace gazette::search {

enum class Match {
  kAll,  // every term must match (the default)
  kAny,  // at least one term
};

struct SearchQuery {
  std::vector<QueryTerm> terms;  // REQUIRES: not empty
  Match match = Match::kAll;
  std::optional<std::string> tag_slug;     // only articles with this tag
  std::optional<std::string> author_slug;  // only articles this author is credited on
  std::optional<UnixTime> from;         // published at or after
  std::optional<UnixTime> until;        // published before
  int offset = 0;
  int limit = 10;
};

struct SearchHit {
  content::ArticleSummary article;
  HighlightedText title;    // the headline, matches marked
  HighlightedText snippet;  // a passage of the body around the matches, "…" where cut
  double score = 0;         // relevance, higher is better; comparable within one search only
};

struct SearchResults {
  std::vector<SearchHit> hits;  // ranked, best first, from `offset`
  int total = 0;                // published articles matching the query and filters
  int ranked = 0;               // how many of them can be paged through (total, unless very broad)
};

// Implementations are thread-safe and only ever return published articles.
class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Ranks the published articles matching `query` (BM25: headline above tags, author and body;
  // English stemming). kUnavailable / kInternal when the index cannot be read.
  virtual Result<SearchResults> Search(const SearchQuery& query) const = 0;
  // Builds the whole index again from the articles (after an upgrade changed how text is indexed).
  virtual Status Rebuild() = 0;
  // Compacts the index after a bulk load, so that queries read it in one piece.
  virtual Status Optimize() = 0;
};

}  // namespace gazette::search
