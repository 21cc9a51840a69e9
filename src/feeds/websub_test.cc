// The WebSub publisher: one notification per round naming every changed feed, retried with
// back-off when the hub fails, given up after kMaxAttempts, dropped when no hub is set.
#include "feeds/websub.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "testing/fake_clock.h"
#include "testing/memory_article_repository.h"
#include "testing/memory_settings_repository.h"

namespace gazette::feeds {
namespace {

class FakeQueue final : public PingQueue {
 public:
  Result<std::vector<Ping>> Due(std::int64_t now_ms, int limit) override {
    std::vector<Ping> out;
    for (const auto& [id, p] : pings) {
      if (done.count(id)) continue;
      if (auto n = next.find(id); n != next.end() && n->second > now_ms) continue;
      out.push_back(p);
    }
    if (static_cast<int>(out.size()) > limit) out.resize(limit);
    return out;
  }
  Status Finish(const std::vector<std::int64_t>& ids) override {
    for (auto id : ids) done.insert(id);
    return Status::Ok();
  }
  Status Retry(const std::vector<std::int64_t>& ids, int attempts, std::int64_t next_ms) override {
    for (auto id : ids) {
      pings[id].attempts = attempts;
      next[id] = next_ms;
    }
    return Status::Ok();
  }
  Status PruneFinished(UnixTime) override { return Status::Ok(); }

  std::map<std::int64_t, Ping> pings;
  std::map<std::int64_t, std::int64_t> next;
  std::set<std::int64_t> done;
};

class WebSubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    content::NewArticle a;
    a.slug = "harbour";
    a.title = "Harbour";
    a.status = content::ArticleStatus::kPublished;
    a.tags = {{0, "Port life", "port-life"}};
    a.authors = {{0, "Ann Lee", "ann-lee"}, {0, "Bo Chen", "bo-chen"}};
    a.author = "Ann Lee and Bo Chen";
    id_ = articles_.Insert(a)->id;
    ASSERT_TRUE(settings_.Set("site.url", "https://news.example"));
    ASSERT_TRUE(settings_.Set("feed.websub_hub", "https://hub.example/"));
    queue_.pings[1] = Ping{1, id_, 0};
    queue_.pings[2] = Ping{2, id_, 0};
  }

  testing::MemoryDatabase db_;
  testing::MemoryArticleRepository articles_{db_};
  testing::MemorySettingsRepository settings_{db_};
  testing::FakeClock clock_;
  FakeQueue queue_;
  std::vector<std::pair<std::string, std::string>> posts_;  // url, body
  bool hub_up_ = true;
  WebSubPublisher publisher_{queue_, articles_, settings_, clock_,
                             [this](const std::string& url, const std::string& body, const auto&) -> Status {
                               posts_.emplace_back(url, body);
                               return hub_up_ ? Status::Ok() : Status(Error::Unavailable("hub down"));
                             }};
  content::ArticleId id_ = 0;
};

TEST_F(WebSubTest, OneNotificationNamesEveryFeedListingTheArticle) {
  EXPECT_EQ(publisher_.PingDue(), 2);
  ASSERT_EQ(posts_.size(), 1u);
  EXPECT_EQ(posts_[0].first, "https://hub.example/");
  const std::string& body = posts_[0].second;
  EXPECT_TRUE(body.starts_with("hub.mode=publish&hub.url=https%3A%2F%2Fnews.example%2Ffeed%2F")) << body;
  for (const char* feed : {"news.example%2Ftag%2Fport-life%2Ffeed.json", "news.example%2Fauthor%2Fann-lee%2Ffeed%2F",
                           "news.example%2Fauthor%2Fbo-chen%2Ffeed%2Fatom%2F"})
    EXPECT_NE(body.find(feed), std::string::npos) << feed;
  EXPECT_EQ(queue_.done.size(), 2u);
  EXPECT_EQ(publisher_.PingDue(), 0);
}

TEST_F(WebSubTest, AFailingHubIsRetriedWithBackoffThenGivenUp) {
  hub_up_ = false;
  EXPECT_EQ(publisher_.PingDue(), 2);
  EXPECT_TRUE(queue_.done.empty());
  EXPECT_EQ(publisher_.PingDue(), 0) << "not due again before the back-off";
  for (int i = 1; i < WebSubPublisher::kMaxAttempts; ++i) {
    clock_.Advance(std::chrono::minutes(11));
    EXPECT_EQ(publisher_.PingDue(), 2);
  }
  EXPECT_EQ(queue_.done.size(), 2u) << "given up after the last attempt";
  EXPECT_EQ(posts_.size(), static_cast<std::size_t>(WebSubPublisher::kMaxAttempts));
}

TEST_F(WebSubTest, WithoutAHubThePingsAreDropped) {
  ASSERT_TRUE(settings_.Set("feed.websub_hub", ""));
  EXPECT_EQ(publisher_.PingDue(), 2);
  EXPECT_TRUE(posts_.empty());
  EXPECT_EQ(queue_.done.size(), 2u);
}

TEST(WebSubBodyTest, EncodesEveryFeedUrl) {
  EXPECT_EQ(PublishBody({"https://a.example/tag/caf\xC3\xA9/feed/"}),
            "hub.mode=publish&hub.url=https%3A%2F%2Fa.example%2Ftag%2Fcaf%C3%A9%2Ffeed%2F");
}

}  // namespace
}  // namespace gazette::feeds
