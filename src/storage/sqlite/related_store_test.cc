// The related lists on a real database: the incremental update changes exactly the lists it
// should, and agrees with a computation from scratch over the stored index.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "related/similarity.h"
#include "storage/sqlite/testing/test_site.h"

namespace gazette::storage::sqlite {
namespace {

using content::ArticleId;

struct Story {
  const char* title;
  const char* body;
};

// Three subjects, five stories each, sharing the words a subject shares.
const Story kStories[] = {
    {"Bank raises interest rates", "The central bank raised interest rates to curb inflation as prices rose."},
    {"Inflation climbs again", "Inflation climbed as energy prices rose; the bank may raise interest rates."},
    {"Mortgage costs rise", "Higher interest rates push mortgage costs up for homeowners and the bank."},
    {"Pound falls after rate decision", "The pound fell after the bank held interest rates and inflation slowed."},
    {"Savers welcome higher rates", "Savers gain as banks pass on higher interest rates; inflation still bites."},
    {"Striker scores twice in cup win", "The striker scored twice as the club won the cup match at home."},
    {"Club reaches cup final", "The club reached the cup final after the striker scored a late goal."},
    {"Goalkeeper saves penalty", "The goalkeeper saved a penalty and the club held on to win the match."},
    {"Manager praises young striker", "The manager praised the young striker after the match and the goal."},
    {"League leaders held to draw", "The league leaders drew the match; the striker missed a late penalty."},
    {"New phone has faster chip", "The phone maker unveiled a faster chip and a better camera for the phone."},
    {"Software update fixes bugs", "The software update fixes bugs in the phone and the laptop operating system."},
    {"Chip maker reports record sales", "The chip maker sold record numbers of chips for phones and laptops."},
    {"Laptop battery lasts longer", "The new laptop battery lasts longer thanks to a more efficient chip."},
    {"Camera phone sales grow", "Sales of camera phones grew as the phone makers added better chips."},
};

class RelatedStoreTest : public storage::sqlite::testing::TestSite {
 protected:
  void SetUp() override {
    TestSite::SetUp();
    for (const Story& s : kStories) ids_.push_back(Add(s.title, s.body).id);
    ASSERT_TRUE(related_->Rebuild());
  }

  std::map<ArticleId, std::vector<ArticleId>> StoredLists() {
    std::map<ArticleId, std::vector<ArticleId>> out;
    auto all = related_store_->AllStoredLists();
    EXPECT_TRUE(all);
    for (const auto& [id, list] : *all)
      for (const auto& l : list) out[id].push_back(l.id);
    return out;
  }

  // Lists written from now on, as seen by triggers (the ones that invalidate cached pages).
  void WatchWrites() {
    ASSERT_TRUE(db_->Exec("CREATE TEMP TABLE IF NOT EXISTS written (article_id INTEGER)"));
    ASSERT_TRUE(db_->Exec("DELETE FROM written"));
    ASSERT_TRUE(
        db_->Exec("CREATE TEMP TRIGGER IF NOT EXISTS w_insert AFTER INSERT ON main.related_articles BEGIN "
                  "INSERT INTO written VALUES (NEW.article_id); END"));
    ASSERT_TRUE(
        db_->Exec("CREATE TEMP TRIGGER IF NOT EXISTS w_delete AFTER DELETE ON main.related_articles BEGIN "
                  "INSERT INTO written VALUES (OLD.article_id); END"));
  }
  std::set<ArticleId> Written() {
    std::set<ArticleId> out;
    auto st = db_->Prepare("SELECT DISTINCT article_id FROM written");
    while (*st.Step()) out.insert(st.Int(0));
    return out;
  }

  // Every stored list must be what a computation from scratch over the stored index gives.
  void ExpectListsMatchStoredIndex() {
    related::InvertedIndex index;
    std::map<ArticleId, related::IndexedArticle> indexed;
    ASSERT_TRUE(related_store_->VisitPosted([&](ArticleId id, UnixTime at, related::TermVector&&,
                                                related::TermVector&& v) { index.Add(id, at, std::move(v)); }));
    auto all = articles_->PublishedTexts();
    ASSERT_TRUE(all);
    related::SimilarityOptions options;
    related::InvertedIndex::Scratch scratch;
    for (const auto& text : *all) {
      auto a = related_store_->Indexed(text.id);
      ASSERT_TRUE(a && *a);
      indexed[text.id] = **a;
    }
    for (const auto& [id, a] : indexed) {
      auto expected = related::ChooseList(
          id, a.vector, index.Score(a.vector, options.weighting, scratch), *related_store_->OverridesOf(id),
          [&](ArticleId other) { return index.Find(other); },
          [&](ArticleId other) -> const related::IndexedArticle* {
            auto it = indexed.find(other);
            return it == indexed.end() ? nullptr : &it->second;
          },
          options);
      EXPECT_EQ(*related_store_->StoredList(id), expected) << "list of article " << id;
    }
  }

  std::vector<ArticleId> ids_;
};

TEST_F(RelatedStoreTest, RebuildFindsTheSubjectAndNeverTheArticleItself) {
  auto lists = StoredLists();
  int same = 0, total = 0;
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    ASSERT_EQ(lists[ids_[i]].size(), 4u);
    for (ArticleId other : lists[ids_[i]]) {
      EXPECT_NE(other, ids_[i]);
      const auto j = std::find(ids_.begin(), ids_.end(), other) - ids_.begin();
      same += static_cast<std::size_t>(j) / 5 == i / 5;
      ++total;
    }
  }
  EXPECT_GE(same, total * 9 / 10);
}

TEST_F(RelatedStoreTest, ASecondRebuildWritesNothing) {
  WatchWrites();
  auto report = related_->Rebuild();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->lists_changed, 0);
  EXPECT_TRUE(Written().empty());
}

TEST_F(RelatedStoreTest, PublishingChangesExactlyTheListsItEnters) {
  const auto before = StoredLists();
  WatchWrites();
  const ArticleId id = Add("Bank holds interest rates as inflation eases",
                           "The bank held interest rates; inflation eased and mortgage costs fell.")
                           .id;
  const auto after = StoredLists();
  std::set<ArticleId> changed;
  for (const auto& [article, list] : after)
    if (before.count(article) == 0 || before.at(article) != list) changed.insert(article);
  EXPECT_TRUE(changed.contains(id));
  for (ArticleId other : changed) {
    if (other == id) continue;
    const auto& list = after.at(other);
    EXPECT_NE(std::find(list.begin(), list.end(), id), list.end()) << other << " changed without listing it";
  }
  EXPECT_EQ(Written(), changed) << "lists are written if and only if they change";
  EXPECT_EQ(std::set<ArticleId>(last_update_.changed.begin(), last_update_.changed.end()), changed);
  ExpectListsMatchStoredIndex();
  // The sport and tech lists are not even looked at.
  EXPECT_LT(last_update_.recomputed, 10);
}

TEST_F(RelatedStoreTest, UnpublishingLeavesEveryListAtOnceAndRefillsThem) {
  const ArticleId gone = ids_[1];
  std::set<ArticleId> holding;
  for (const auto& [article, list] : StoredLists())
    if (std::find(list.begin(), list.end(), gone) != list.end()) holding.insert(article);
  ASSERT_FALSE(holding.empty());
  WatchWrites();
  ASSERT_TRUE(service_->Unpublish(gone));
  for (const auto& [article, list] : StoredLists()) {
    EXPECT_NE(article, gone) << "an unpublished article keeps no list";
    EXPECT_EQ(std::find(list.begin(), list.end(), gone), list.end()) << "still listed by " << article;
  }
  for (ArticleId article : holding) EXPECT_EQ(related_->For(article)->size(), 4u) << "refilled";
  holding.insert(gone);
  EXPECT_EQ(Written(), holding);
  ExpectListsMatchStoredIndex();
}

TEST_F(RelatedStoreTest, EditingMovesAnArticleToItsNewSubject) {
  const ArticleId moved = ids_[0];  // a story about rates becomes one about a phone
  ASSERT_TRUE(service_->Update(moved, {"Phone camera chip gets faster",
                                       "The phone camera uses a faster chip "
                                       "and the laptop gets the same chip.",
                                       std::nullopt, std::nullopt}));
  auto lists = StoredLists();
  for (ArticleId other : lists[moved]) {
    const auto j = std::find(ids_.begin(), ids_.end(), other) - ids_.begin();
    EXPECT_GE(j, 10) << "a tech story";
  }
  for (int i = 1; i < 5; ++i) {
    const auto& list = lists[ids_[i]];
    EXPECT_EQ(std::find(list.begin(), list.end(), moved), list.end()) << "left the economy lists";
  }
  ExpectListsMatchStoredIndex();
}

TEST_F(RelatedStoreTest, UpdatingAnUnchangedArticleWritesNothing) {
  WatchWrites();
  auto report = related_->Update(ids_[3]);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->changed.empty());
  EXPECT_TRUE(Written().empty());
}

TEST_F(RelatedStoreTest, IndexingEveryArticleAgainAgreesWithTheRebuild) {
  WatchWrites();
  for (ArticleId id : ids_) {
    auto report = related_->Update(id);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->changed.empty()) << "article " << id;
  }
  EXPECT_TRUE(Written().empty());
  auto rebuilt = related_->Rebuild();
  ASSERT_TRUE(rebuilt);
  EXPECT_EQ(rebuilt->lists_changed, 0);
}

TEST_F(RelatedStoreTest, DraftsAreNeverListed) {
  const ArticleId draft =
      Add("Bank raises interest rates again", "The bank raised interest rates again.", {}, false).id;
  for (const auto& [article, list] : StoredLists()) EXPECT_EQ(std::find(list.begin(), list.end(), draft), list.end());
  EXPECT_TRUE(StoredLists()[draft].empty());
}

TEST_F(RelatedStoreTest, EditorsPinAndExclude) {
  const ArticleId article = ids_[5];  // sport
  const ArticleId pinned = ids_[12];  // tech
  const ArticleId first = StoredLists()[article].front();
  ASSERT_TRUE(related_->SetOverride(article, pinned, related::OverrideKind::kPin));
  ASSERT_TRUE(related_->SetOverride(article, first, related::OverrideKind::kExclude));
  auto list = StoredLists()[article];
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list.front(), pinned);
  EXPECT_EQ(std::find(list.begin(), list.end(), first), list.end());
  // Overrides survive a rebuild, and unpublishing the pinned article drops it.
  ASSERT_TRUE(related_->Rebuild());
  EXPECT_EQ(StoredLists()[article].front(), pinned);
  ASSERT_TRUE(service_->Unpublish(pinned));
  list = StoredLists()[article];
  EXPECT_EQ(std::find(list.begin(), list.end(), pinned), list.end());
  EXPECT_EQ(list.size(), 4u);
  ASSERT_TRUE(related_->SetOverride(article, first, related::OverrideKind::kNone));
  EXPECT_EQ(StoredLists()[article].front(), first);
  EXPECT_EQ(related_->SetOverride(article, article, related::OverrideKind::kPin).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(related_->SetOverride(article, 9999, related::OverrideKind::kPin).error().code, ErrorCode::kNotFound);
}

TEST_F(RelatedStoreTest, TopKComesFromTheSettings) {
  ASSERT_TRUE(related::SaveRelatedSettings(*settings_, {2, 0.9}));
  ASSERT_TRUE(related_->Rebuild());
  for (const auto& [article, list] : StoredLists()) EXPECT_LE(list.size(), 2u);
  EXPECT_EQ(related::SaveRelatedSettings(*settings_, {0, 0.9}).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(RelatedStoreTest, AnotherProcessesChangesAreSeen) {
  // A second service over the same database, as `gazette article publish` next to the server.
  related::RelatedService other(*articles_, *related_store_, *settings_, clock_);
  ASSERT_TRUE(other.Update(ids_[0]));  // loads its in-memory index
  const ArticleId id = Add("Interest rates and inflation: the bank decides",
                           "The bank decides on interest rates as inflation and mortgage costs rise.")
                           .id;  // indexed by related_
  ASSERT_TRUE(service_->Unpublish(ids_[2]));
  auto report = other.Update(ids_[4]);
  ASSERT_TRUE(report);
  EXPECT_GT(report->load_ms, 0) << "the index changed: it is read again";
  ExpectListsMatchStoredIndex();
  (void)id;
}

}  // namespace
}  // namespace gazette::storage::sqlite
