// RelatedService against the in-memory twins: the lists of a few small articles, kept current as
// they are published, unpublished, pinned and excluded.
#include "related/related_service.h"

#include <gtest/gtest.h>

#include "content/article_service.h"
#include "testing/fake_clock.h"
#include "testing/memory_storage.h"

namespace gazette::related {
namespace {

using content::ArticleId;

class RelatedServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    articles_.OnChange([this](ArticleId id) {
      auto r = related_.Update(id);
      ASSERT_TRUE(r) << r.error().message;
    });
    harbour_ =
        Add("Harbour council approves new ferry pier",
            "The harbour council approved the ferry pier. The ferry company welcomed the harbour vote.", {"Harbour"});
    pier_ = Add("Ferry pier construction starts at the harbour",
                "Construction of the ferry pier began at the harbour. The council said the ferry will run daily.",
                {"Harbour"});
    dredging_ = Add("Harbour dredging delays the ferry",
                    "Dredging in the harbour delayed the ferry again. The council blamed the pier works.", {"Harbour"});
    football_ = Add("United win the cup final",
                    "United beat City in the cup final. The striker scored twice in the second half.", {"Sport"});
  }

  ArticleId Add(const std::string& title, const std::string& body, std::vector<std::string> tags) {
    content::ArticleDraft d;
    d.title = title;
    d.markdown = body;
    d.tags = std::move(tags);
    d.status = content::ArticleStatus::kPublished;
    d.published_at = clock_.Now();
    clock_.Advance(std::chrono::hours(1));
    auto a = articles_.Create(d);
    EXPECT_TRUE(a) << a.error().message;
    return a ? a->id : 0;
  }

  std::vector<ArticleId> ListOf(ArticleId id) {
    auto list = related_.For(id);
    EXPECT_TRUE(list);
    std::vector<ArticleId> out;
    for (const auto& s : *list) out.push_back(s.id);
    return out;
  }

  static bool Contains(const std::vector<ArticleId>& v, ArticleId id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  }

  gazette::testing::MemoryStorage storage_;
  gazette::testing::FakeClock clock_;
  content::ArticleService articles_{storage_.articles, clock_};
  RelatedService related_{storage_.articles, storage_.related, storage_.settings, clock_};
  ArticleId harbour_ = 0, pier_ = 0, dredging_ = 0, football_ = 0;
};

TEST_F(RelatedServiceTest, ListsArticlesOnTheSameSubjectAndNeverTheArticleItself) {
  for (ArticleId id : {harbour_, pier_, dredging_}) {
    auto list = ListOf(id);
    ASSERT_FALSE(list.empty()) << "article " << id;
    EXPECT_FALSE(Contains(list, id));
    EXPECT_NE(list.front(), football_);
    for (ArticleId other : {harbour_, pier_, dredging_})
      if (other != id) {
        EXPECT_TRUE(Contains(list, other)) << other << " missing from " << id;
      }
  }
  auto list = related_.For(harbour_);
  ASSERT_TRUE(list);
  EXPECT_FALSE(list->front().title.empty());
  ASSERT_TRUE(list->front().primary_tag);
  EXPECT_EQ(list->front().primary_tag->slug, "harbour");
}

TEST_F(RelatedServiceTest, AnUnpublishedArticleLeavesEveryList) {
  ASSERT_TRUE(Contains(ListOf(harbour_), pier_));
  ASSERT_TRUE(articles_.Unpublish(pier_));
  EXPECT_FALSE(Contains(ListOf(harbour_), pier_));
  EXPECT_FALSE(Contains(ListOf(dredging_), pier_));
  ASSERT_TRUE(articles_.Publish(pier_));
  EXPECT_TRUE(Contains(ListOf(harbour_), pier_));
}

TEST_F(RelatedServiceTest, PinsComeFirstAndExclusionsNeverShow) {
  ASSERT_TRUE(related_.SetOverride(harbour_, football_, OverrideKind::kPin));
  EXPECT_EQ(ListOf(harbour_).front(), football_);
  ASSERT_TRUE(related_.SetOverride(harbour_, pier_, OverrideKind::kExclude));
  EXPECT_FALSE(Contains(ListOf(harbour_), pier_));
  auto o = related_.OverridesOf(harbour_);
  EXPECT_EQ(o->pins, std::vector<ArticleId>{football_});
  EXPECT_EQ(o->excludes, std::vector<ArticleId>{pier_});
  ASSERT_TRUE(related_.SetOverride(harbour_, football_, OverrideKind::kNone));
  EXPECT_NE(ListOf(harbour_).front(), football_);
  EXPECT_EQ(related_.SetOverride(harbour_, harbour_, OverrideKind::kPin).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(related_.SetOverride(harbour_, 999, OverrideKind::kPin).error().code, ErrorCode::kNotFound);
}

// Updates keep the other articles' vectors of the time they were indexed, so a rebuild may move
// lists; a second rebuild of an unchanged archive rewrites none.
TEST_F(RelatedServiceTest, ARebuildOfAnUnchangedArchiveRewritesNoList) {
  auto first = related_.Rebuild();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->articles, 4);
  auto lists = storage_.related.AllStoredLists();
  ASSERT_TRUE(lists);
  auto second = related_.Rebuild();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->lists_changed, 0);
  EXPECT_EQ(*storage_.related.AllStoredLists(), *lists);
  EXPECT_TRUE(Contains(ListOf(harbour_), pier_));
}

}  // namespace
}  // namespace gazette::related
