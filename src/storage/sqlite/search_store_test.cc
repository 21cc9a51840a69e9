// Search over SQLite FTS5: ranking, snippets, filters, and the index following every change in
// the article's own transaction.
#include <gtest/gtest.h>

#include "storage/sqlite/fts5_query.h"
#include "storage/sqlite/testing/test_site.h"

namespace gazette::storage::sqlite {
namespace {

using search::Match;
using search::QueryTerm;

class SearchStoreTest : public storage::sqlite::testing::TestSite {
 protected:
  search::SearchPage Find(const std::string& q, const std::string& tag = "", const std::string& from = "",
                          const std::string& to = "", const std::string& page = "") {
    auto r = search_->Search({q, tag, from, to, page}, 10);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : search::SearchPage{};
  }
  std::vector<std::string> Titles(const search::SearchPage& p) {
    std::vector<std::string> out;
    for (const auto& h : p.hits) out.push_back(h.article.title);
    return out;
  }
};

TEST(Fts5QueryTest, EveryTermIsQuoted) {
  EXPECT_EQ(ToFts5({{"tax", false, false}, {"interest rates", true, false}, {"econ", false, true}}, Match::kAll),
            "\"tax\" \"interest rates\" \"econ\"*");
  EXPECT_EQ(ToFts5({{"a\"b", false, false}, {"OR", false, false}}, Match::kAny), "\"a\"\"b\" OR \"OR\"");
  EXPECT_EQ(InTitleOnly("\"x\""), "{title} : (\"x\")");
  EXPECT_EQ(WithFacets("\"x\"", std::string("ab"), {"y2005", "m200601"}),
            "(\"x\") AND {facets} : \"t61620\" AND {facets} : (y2005 OR m200601)");
  EXPECT_EQ(WithFacets("\"x\"", std::nullopt, {}, std::string("bo")), "(\"x\") AND {facets} : \"a626f0\"");
}

TEST(Fts5QueryTest, DateFacetsCoverTheRangeWithFewTokens) {
  auto day = [](const char* d) { return *ParseIso8601(d); };
  EXPECT_EQ(DateFacets(day("2005-01-01"), day("2006-01-01")), (std::vector<std::string>{"y2005"}));
  EXPECT_EQ(DateFacets(day("2005-01-30"), day("2005-03-02")),
            (std::vector<std::string>{"d20050130", "d20050131", "m200502", "d20050301"}));
  EXPECT_EQ(DateFacets(day("2004-12-31"), day("2007-02-01")),
            (std::vector<std::string>{"d20041231", "y2005", "y2006", "m200701"}));
  // Partial days count whole.
  EXPECT_EQ(DateFacets(day("2005-01-10") + 3600, day("2005-01-10") + 7200), (std::vector<std::string>{"d20050110"}));
  EXPECT_LE(DateFacets(day("1990-03-15"), day("2030-10-17")).size(), 100u);
}

TEST_F(SearchStoreTest, HeadlineMatchesRankFirstAndWordsAreStemmed) {
  Add("Budget vote tonight", "The council meets.");
  Add("Ferry news", "The budget was discussed, and the budget vote was delayed by the budgeting committee.");
  auto p = Find("budgets voting");
  ASSERT_EQ(p.total, 2);
  EXPECT_EQ(p.hits[0].article.title, "Budget vote tonight");
  EXPECT_EQ(search::HighlightToHtml(p.hits[0].title).str(), "<mark>Budget</mark> <mark>vote</mark> tonight");
}

TEST_F(SearchStoreTest, SnippetsAreEscapedAndOnlyMarksAreMarkup) {
  Add("The <b>harbour</b> & \"wall\"",
      "Readers wrote that 5 < 6 & 7 > 3 next to the harbour wall \xEE\x80\x80.\n\nA second paragraph.");
  auto p = Find("harbour");
  ASSERT_EQ(p.hits.size(), 1u);
  const std::string title = search::HighlightToHtml(p.hits[0].title).str();
  EXPECT_EQ(title, "The &lt;b&gt;<mark>harbour</mark>&lt;/b&gt; &amp; &quot;wall&quot;");
  const std::string html = search::HighlightToHtml(p.hits[0].snippet).str();
  EXPECT_NE(html.find("5 &lt; 6 &amp; 7 &gt; 3"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>harbour</mark>"), std::string::npos) << html;
  EXPECT_EQ(html.find('\n'), std::string::npos) << "paragraph breaks read as spaces";
  // A marker character in the text itself cannot open a mark: marks stay balanced.
  std::size_t opens = 0, closes = 0;
  for (std::size_t i = html.find("<mark>"); i != std::string::npos; i = html.find("<mark>", i + 1)) ++opens;
  for (std::size_t i = html.find("</mark>"); i != std::string::npos; i = html.find("</mark>", i + 1)) ++closes;
  EXPECT_EQ(opens, closes);
}

TEST_F(SearchStoreTest, PhrasesPrefixesAndFallbackToAnyWord) {
  Add("Rates", "The bank of england raised rates.");
  Add("England", "England beat the bank holiday crowds.");
  EXPECT_EQ(Find("\"bank of england\"").total, 1);
  EXPECT_EQ(Find("engl*").total, 2);
  auto any = Find("england zebra");
  EXPECT_TRUE(any.matched_any);
  EXPECT_EQ(any.total, 2);
}

TEST_F(SearchStoreTest, HostileQueriesNeverFail) {
  Add("Ordinary", "Nothing to see.");
  const std::string hostile[] = {"\"",
                                 "\"\"\"",
                                 "NEAR(a b)",
                                 "title:x",
                                 "a OR",
                                 "AND",
                                 "*",
                                 "-",
                                 "(",
                                 ")",
                                 "{title}:x",
                                 "^x",
                                 "a\0b",
                                 "\xFF\xFE",
                                 "x*y*",
                                 "'; DROP TABLE articles; --",
                                 std::string(10240, 'x'),
                                 std::string(10240, '"')};
  for (const auto& q : hostile) {
    auto r = search_->Search({q, "", "", "", ""}, 10);
    EXPECT_TRUE(r) << q.substr(0, 40);
  }
  EXPECT_TRUE(Find(std::string("a\0b", 3)).searched);
}

TEST_F(SearchStoreTest, FiltersByTagAndDate) {
  clock_.now = *ParseIso8601("2005-01-10");
  Add("Harbour one", "Harbour news.", {"Local"});
  clock_.now = *ParseIso8601("2005-02-10");
  Add("Harbour two", "Harbour news.", {"World"});
  Add("Harbour three", "Harbour news.", {"Local"});
  EXPECT_EQ(Find("harbour", "local").total, 2);
  EXPECT_EQ(Find("harbour", "", "2005-02-01").total, 2);
  EXPECT_EQ(Find("harbour", "", "", "2005-01-10").total, 1);  // "to" includes its day
  EXPECT_EQ(Find("harbour", "local", "2005-02-01", "2005-12-31").total, 1);
  EXPECT_EQ(Find("harbour", "nosuchtag").total, 0);
}

TEST_F(SearchStoreTest, PagesThroughResults) {
  for (int i = 0; i < 23; ++i) Add("Harbour story " + std::to_string(i), "The harbour.");
  auto p1 = Find("harbour");
  EXPECT_EQ(p1.total, 23);
  EXPECT_EQ(p1.total_pages, 3);
  EXPECT_EQ(p1.hits.size(), 10u);
  auto p3 = Find("harbour", "", "", "", "3");
  EXPECT_EQ(p3.hits.size(), 3u);
  EXPECT_TRUE(Find("harbour", "", "", "", "9").hits.empty());
}

TEST_F(SearchStoreTest, TheIndexFollowsPublishEditUnpublishInTheSameTransaction) {
  auto a = Add("Lighthouse keeper retires", "After forty years.", {}, false);
  EXPECT_EQ(Find("lighthouse").total, 0) << "drafts are not searchable";
  ASSERT_TRUE(service_->Publish(a.id));
  EXPECT_EQ(Find("lighthouse").total, 1);
  ASSERT_TRUE(service_->Update(
      a.id, {"Harbour master retires", std::nullopt, std::vector<std::string>{"People"}, std::nullopt}));
  EXPECT_EQ(Find("lighthouse").total, 0);
  EXPECT_EQ(Find("harbour master").total, 1);
  EXPECT_EQ(Find("people").total, 1) << "tags are searchable";
  EXPECT_EQ(Find("forty").total, 1);
  ASSERT_TRUE(service_->Unpublish(a.id));
  EXPECT_EQ(Find("harbour").total, 0);
  // Deleting (by SQL here) removes it as well.
  ASSERT_TRUE(service_->Publish(a.id));
  ASSERT_TRUE(db_->Exec("DELETE FROM articles WHERE id = " + std::to_string(a.id)));
  EXPECT_EQ(Find("harbour").total, 0);
  ASSERT_TRUE(search_store_->Rebuild());
}

TEST_F(SearchStoreTest, BroadQueriesAreRankedWithinABoundAndSaySo) {
  // Many articles at once, straight into the table (the index follows by trigger).
  ASSERT_TRUE(db_->Exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
      std::to_string(SearchStore::kRankAll + 5) +
      ") INSERT INTO articles (slug, title, markdown, html, excerpt, author, status, published_at, created_at, "
      "updated_at, body_text) SELECT 'story-' || i, 'Story ' || i, 'The weather.', '', '', 'Staff', 'published', "
      "i, i, i, 'The weather.' FROM n"));
  Add("Weather warning issued", "Storms.");
  auto p = Find("weather");
  EXPECT_EQ(p.total, SearchStore::kRankAll + 6);
  EXPECT_LT(p.total_pages * 10, p.total);
  EXPECT_EQ(p.hits[0].article.title, "Weather warning issued") << "headline matches come first";
  EXPECT_FALSE(p.notes.empty());
}

}  // namespace
}  // namespace gazette::storage::sqlite
