// SearchService: turns what a reader typed into a search, with filters, pages and messages.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "search/search_index.h"

namespace gazette::search {

// The reader's request, as raw strings from the query string (any bytes).
struct SearchRequest {
  std::string q;
  std::string tag;   // tag slug or name
  std::string from;  // YYYY-MM-DD
  std::string to;    // YYYY-MM-DD, inclusive
  std::string page;  // 1-based
  std::string author;  // author slug or name
};

struct SearchPage {
  ParsedQuery query;
  std::string tag_slug, from, to;  // the filters applied, as understood (empty: none)
  std::string author_slug;
  std::vector<SearchHit> hits;
  int total = 0;   // matching articles
  int ranked = 0;  // of which can be paged through
  int page = 1;
  int total_pages = 0;
  int page_size = 10;
  bool searched = false;           // false when the query had no words to search for
  bool matched_any = false;        // no article had every word: these match some of them
  std::vector<std::string> notes;  // messages for the reader (shortened query, bad date, ...)
};

class SearchService {
 public:
  // REQUIRES: `index` outlives the service.
  explicit SearchService(const SearchIndex& index) : index_(index) {}

  // Never fails for bad input: an empty, hostile or malformed query gives a page with a note.
  // kUnavailable / kInternal only when the index cannot be read.
  Result<SearchPage> Search(const SearchRequest& request, int page_size) const;

  static constexpr int kMaxPage = 1000;

 private:
  const SearchIndex& index_;
};

}  // namespace gazette::search
