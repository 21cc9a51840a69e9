// The RedirectRepository contract: redirects by normalised source, to an article or an address.
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

template <class B>
class RedirectContract : public Contract<B> {};
TYPED_TEST_SUITE(RedirectContract, Backends, BackendName);

TYPED_TEST(RedirectContract, PutFindListAndRemove) {
  const auto article = this->AddArticle("harbour-reopens");
  auto& r = this->b.redirects;
  ASSERT_TRUE(r.Put({"/?p=12", article.id, ""}));
  ASSERT_TRUE(r.Put({"/category/news/", std::nullopt, "/tag/news/"}));
  ASSERT_TRUE(r.Put({"/away/", std::nullopt, "https://elsewhere.example/x"}));
  auto found = r.Find("/?p=12");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->article, article.id);
  EXPECT_EQ((*found)->to, "");
  auto missing = r.Find("/?p=13");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
  auto all = r.List();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].from, "/?p=12");
  EXPECT_EQ((*all)[1].from, "/away/");
  EXPECT_EQ((*all)[2].from, "/category/news/");
  EXPECT_EQ((*all)[2].to, "/tag/news/");
  EXPECT_FALSE((*all)[2].article);
  ASSERT_TRUE(r.Remove("/away/"));
  ASSERT_TRUE(r.Remove("/never-there/"));  // removing nothing is not an error
  all = r.List();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
}

TYPED_TEST(RedirectContract, PutReplacesTheTargetOfASource) {
  const auto article = this->AddArticle("harbour-reopens");
  auto& r = this->b.redirects;
  ASSERT_TRUE(r.Put({"/old/", std::nullopt, "/new/"}));
  ASSERT_TRUE(r.Put({"/old/", article.id, ""}));
  auto found = r.Find("/old/");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->article, article.id);
  EXPECT_EQ((*found)->to, "");
  ASSERT_TRUE(r.Put({"/old/", std::nullopt, "/newer/"}));
  found = r.Find("/old/");
  ASSERT_TRUE(found && *found);
  EXPECT_FALSE((*found)->article);
  EXPECT_EQ((*found)->to, "/newer/");
}

TYPED_TEST(RedirectContract, RefusesBadRedirectsAndUnknownArticles) {
  auto& r = this->b.redirects;
  const content::Redirect bad[] = {
      {"/a/", std::nullopt, ""},           // no target
      {"/a/", 1, "/b/"},                   // both
      {"relative/", std::nullopt, "/b/"},  // not a local path
      {"/a/", std::nullopt, "//evil.example/"},
      {"/a/", std::nullopt, "javascript:alert(1)"},
      {"/a/", std::nullopt, "/a/"},  // itself
      {"/a/", std::nullopt, "/with space/"},
  };
  for (const auto& x : bad) {
    auto st = r.Put(x);
    ASSERT_FALSE(st) << x.from << " -> " << x.to;
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument) << x.to;
  }
  auto unknown = r.Put({"/a/", 999, ""});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kConflict);
  auto all = r.List();
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
}

}  // namespace
}  // namespace gazette::storage::contract
