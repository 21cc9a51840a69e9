// The public APIs' shared parameters: bounds and clear errors, Link headers and field selection.
#include "http/api_listing.h"

#include <gtest/gtest.h>

#include "http/api_response.h"

namespace gazette::http {
namespace {

Request WithQuery(std::initializer_list<std::pair<const std::string, std::string>> q) {
  Request r;
  r.method = "GET";
  r.path = "/api/v1/articles";
  r.query = std::multimap<std::string, std::string>(q);
  return r;
}

TEST(ApiListingTest, ReadsBoundedPagesAndDates) {
  auto p = ReadListParams(WithQuery({{"page", "3"},
                                     {"per_page", "100"},
                                     {"after", "2026-11-01"},
                                     {"before", "2026-12-01T09:30:00"},
                                     {"q", "ferry"}}),
                          10);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->page, 3);
  EXPECT_EQ(p->per_page, 100);
  EXPECT_EQ(*p->from, *ParseIso8601("2026-11-01"));
  EXPECT_EQ(*p->until, *ParseIso8601("2026-12-01T09:30:00Z"));
  EXPECT_EQ(p->q, "ferry");
  auto defaults = ReadListParams(WithQuery({}), 7);
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->per_page, 7);
  EXPECT_EQ(defaults->page, 1);
}

TEST(ApiListingTest, RefusesBadParametersByName) {
  for (auto [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"per_page", "101"},
                                                        {"per_page", "-1"},
                                                        {"page", "0"},
                                                        {"page", "2x"},
                                                        {"after", "soon"},
                                                        {"before", "2026-02-30x"},
                                                        {"q", std::string(kApiMaxParamBytes + 1, 'a')},
                                                        {"q", "\xff\xfe"}}) {
    auto p = ReadListParams(WithQuery({{name, value}}), 10);
    ASSERT_FALSE(p) << name << "=" << value;
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(p.error().field, name);
  }
}

TEST(ApiListingTest, LinksToTheNeighbouringPagesKeepingTheQuery) {
  auto req = WithQuery({{"page", "2"}, {"tag", "sea life"}});
  EXPECT_EQ(PageLinks("https://x.example/api/v1/articles", req, 2, 3),
            "<https://x.example/api/v1/articles?tag=sea%20life&page=1>; rel=\"prev\", "
            "<https://x.example/api/v1/articles?tag=sea%20life&page=3>; rel=\"next\"");
  EXPECT_EQ(PageLinks("https://x.example/a", WithQuery({}), 1, 1), "");
}

TEST(ApiListingTest, PagesOfAList) {
  const std::vector<int> all = {1, 2, 3, 4, 5};
  EXPECT_EQ(PageOf(all, 2, 2), (std::vector<int>{3, 4}));
  EXPECT_EQ(PageOf(all, 3, 2), (std::vector<int>{5}));
  EXPECT_TRUE(PageOf(all, 4, 2).empty());
  EXPECT_EQ(TotalPages(5, 2), 3);
  EXPECT_EQ(TotalPages(0, 2), 0);
}

TEST(ApiListingTest, SelectsFieldsAndMembersOfObjects) {
  const nlohmann::json post = {{"id", 1}, {"title", {{"rendered", "T"}, {"raw", "t"}}}, {"slug", "s"}};
  EXPECT_EQ(SelectFields(post, {"id", "title.rendered", "nothing"}),
            (nlohmann::json{{"id", 1}, {"title", {{"rendered", "T"}}}}));
  EXPECT_EQ(SelectFields(post, {}), post);
}

}  // namespace
}  // namespace gazette::http
