#include "search/search_service.h"

#include <gtest/gtest.h>

namespace gazette::search {
namespace {

// Records the queries it is asked and answers with a fixed number of matches.
class FakeIndex : public SearchIndex {
 public:
  Result<SearchResults> Search(const SearchQuery& q) const override {
    queries.push_back(q);
    SearchResults r;
    r.total = q.match == Match::kAll ? all : any;
    r.ranked = std::min(r.total, ranked_cap);
    for (int i = q.offset; i < std::min(r.ranked, q.offset + q.limit); ++i) r.hits.push_back(SearchHit{});
    return r;
  }
  Status Rebuild() override { return Status::Ok(); }  // nothing stored to rebuild from
  Status Optimize() override { return Status::Ok(); }
  int all = 0, any = 0, ranked_cap = 1 << 30;
  mutable std::vector<SearchQuery> queries;
};

TEST(SearchServiceTest, EmptyQueryDoesNotSearch) {
  FakeIndex index;
  SearchService service(index);
  auto page = service.Search({"  \"\" ** ", "", "", "", ""}, 10);
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->searched);
  EXPECT_TRUE(index.queries.empty());
}

TEST(SearchServiceTest, PagesAndCounts) {
  FakeIndex index;
  index.all = 23;
  SearchService service(index);
  auto page = service.Search({"budget", "", "", "", "3"}, 10);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 23);
  EXPECT_EQ(page->total_pages, 3);
  EXPECT_EQ(page->hits.size(), 3u);
  EXPECT_EQ(index.queries.at(0).offset, 20);
  for (const char* bad : {"0", "-1", "x", "", "99999999999999999999"}) {
    auto p = service.Search({"budget", "", "", "", bad}, 10);
    EXPECT_GE(p->page, 1) << bad;
    EXPECT_LE(p->page, SearchService::kMaxPage) << bad;
  }
}

TEST(SearchServiceTest, FallsBackToAnyWordAndSaysSo) {
  FakeIndex index;
  index.any = 4;
  SearchService service(index);
  auto page = service.Search({"budget zebra", "", "", "", ""}, 10);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->matched_any);
  EXPECT_EQ(page->total, 4);
  ASSERT_EQ(index.queries.size(), 2u);
  EXPECT_EQ(index.queries[1].match, Match::kAny);
}

TEST(SearchServiceTest, FiltersAreParsedAndBadDatesNoted) {
  FakeIndex index;
  SearchService service(index);
  auto page = service.Search({"budget", "Cyber Agreement", "2005-02-01", "2005-01-01", ""}, 10);
  ASSERT_TRUE(page);
  const SearchQuery& q = index.queries.at(0);
  EXPECT_EQ(q.tag_slug, "cyber-agreement");
  EXPECT_EQ(*q.from, *ParseIso8601("2005-01-01"));           // swapped into order
  EXPECT_EQ(*q.until, *ParseIso8601("2005-02-01") + 86400);  // the whole last day
  EXPECT_TRUE(page->notes.empty());
  auto bad = service.Search({"budget", "", "yesterday", "2005-13-45", ""}, 10);
  EXPECT_EQ(bad->notes.size(), 2u);
  EXPECT_FALSE(index.queries.back().from);
  EXPECT_FALSE(index.queries.back().until);
}

TEST(SearchServiceTest, StopWordsAreDroppedUnlessNothingElseRemains) {
  FakeIndex index;
  SearchService service(index);
  ASSERT_TRUE(service.Search({"Time to get tough on \"the cup\"", "", "", "", ""}, 10));
  std::vector<std::string> words;
  for (const auto& t : index.queries.back().terms) words.push_back(t.text);
  EXPECT_EQ(words, (std::vector<std::string>{"Time", "get", "tough", "the cup"}));
  ASSERT_TRUE(service.Search({"The Who", "", "", "", ""}, 10));
  EXPECT_EQ(index.queries.back().terms.size(), 2u) << "a band of stop words";
  ASSERT_TRUE(service.Search({"to be or not", "", "", "", ""}, 10));
  EXPECT_EQ(index.queries.back().terms.size(), 4u) << "nothing else remains";
}

TEST(SearchServiceTest, BroadQueriesSayHowManyCanBePaged) {
  FakeIndex index;
  index.all = 5000;
  index.ranked_cap = 2000;
  SearchService service(index);
  auto page = service.Search({"said", "", "", "", ""}, 10);
  EXPECT_EQ(page->total_pages, 200);
  EXPECT_EQ(page->notes.size(), 1u);
}

}  // namespace
}  // namespace gazette::search
