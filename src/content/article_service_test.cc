// ArticleService's reads for sitemaps against the in-memory twins: the news window by a fake
// clock, a month of articles, and the authors derived from bylines.
#include "content/article_service.h"
#include "content/authors.h"

#include <gtest/gtest.h>

#include "testing/fake_clock.h"
#include "testing/memory_storage.h"

namespace gazette::content {
namespace {

using std::chrono::hours;

class ArticleServiceTest : public ::testing::Test {
 protected:
  ArticleId Publish(const std::string& title, UnixTime at, const std::string& author = "Ann Author") {
    ArticleDraft d;
    d.title = title;
    d.markdown = "Words.";
    d.authors = SplitAuthorNames(author);
    d.status = ArticleStatus::kPublished;
    d.published_at = at;
    auto a = service_.Create(d);
    EXPECT_TRUE(a) << a.error().message;
    return a ? a->id : 0;
  }

  static std::vector<ArticleId> Ids(const std::vector<DatedSummary>& list) {
    std::vector<ArticleId> ids;
    for (const auto& a : list) ids.push_back(a.summary.id);
    return ids;
  }

  gazette::testing::MemoryStorage storage_;
  gazette::testing::FakeClock clock_;
  ArticleService service_{storage_.articles, clock_};
};

TEST_F(ArticleServiceTest, RecentlyPublishedIsTheWindowUpToNowByTheClock) {
  const UnixTime now = clock_.Now();
  const ArticleId edge_in = Publish("Just inside", now - 48 * 3600 + 1);
  Publish("Exactly two days old", now - 48 * 3600);
  Publish("Older", now - 49 * 3600);
  const ArticleId latest = Publish("Now", now);
  Publish("Tomorrow", now + 3600);
  ArticleDraft draft;
  draft.title = "A draft";
  ASSERT_TRUE(service_.Create(draft));
  auto recent = service_.RecentlyPublished(48 * 3600, 1000);
  ASSERT_TRUE(recent);
  EXPECT_EQ(Ids(*recent), (std::vector<ArticleId>{latest, edge_in}));

  // The window moves with the clock: an hour on, the future-dated article is in and the oldest
  // one has left.
  clock_.Advance(hours(1));
  recent = service_.RecentlyPublished(48 * 3600, 1000);
  ASSERT_TRUE(recent);
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].summary.title, "Tomorrow");
  EXPECT_EQ((*recent)[1].summary.id, latest);
  EXPECT_EQ(service_.RecentlyPublished(48 * 3600, 1)->size(), 1u) << "at most `limit`";
}

TEST_F(ArticleServiceTest, ListPublishedInMonthHoldsThatMonthInUtc) {
  const UnixTime december = *FromCivil({2026, 12, 1});
  Publish("Last of November", december - 1);
  const ArticleId first = Publish("First of December", december);
  const ArticleId last = Publish("New Year's Eve", december + 31 * 86400 - 1);
  Publish("New Year", december + 31 * 86400);
  auto month = service_.ListPublishedInMonth(2026, 12, 0, 50000);
  ASSERT_TRUE(month);
  EXPECT_EQ(Ids(*month), (std::vector<ArticleId>{last, first}));
  auto second_page = service_.ListPublishedInMonth(2026, 12, 1, 1);
  ASSERT_TRUE(second_page);
  EXPECT_EQ(Ids(*second_page), (std::vector<ArticleId>{first}));
  EXPECT_EQ(service_.ListPublishedInMonth(2026, 13, 0, 10).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(ArticleServiceTest, PublishedAuthorsAreEveryCreditedAuthorBySlug) {
  Publish("One", 100, "Ann Author");
  Publish("Two", 200, "Bo Writer, Ann Author");
  clock_.Advance(hours(1));
  Publish("Three", 300, "ann  author");  // the same slug as Ann's: Ann keeps her first name
  auto authors = service_.PublishedAuthors();
  ASSERT_TRUE(authors);
  ASSERT_EQ(authors->size(), 2u);
  EXPECT_EQ((*authors)[0].slug, "ann-author");
  EXPECT_EQ((*authors)[0].name, "Ann Author");
  EXPECT_EQ((*authors)[0].updated_at, clock_.Now());
  EXPECT_EQ((*authors)[1].slug, "bo-writer");
  EXPECT_EQ((*authors)[1].updated_at, gazette::testing::FakeClock::kStart);
}

}  // namespace
}  // namespace gazette::content
