#include "related/similarity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace gazette::related {
namespace {

content::ArticleText Text(content::ArticleId id, std::string title, std::string body,
                          std::vector<std::string> tags = {}, UnixTime at = 0) {
  return content::ArticleText{id, std::move(title), std::move(body), std::move(tags), at};
}

SimilarityOptions Options(int top_k = 4, double near_duplicate = 0.9) {
  SimilarityOptions o;
  o.selection.top_k = top_k;
  o.selection.near_duplicate = near_duplicate;
  return o;
}

TEST(WeightingTest, HeadlineWordsCountMoreThanBodyWordsAndPairsAreTerms) {
  WeightingOptions w;
  auto counts = CountTerms(Text(1, "Budget vote", "The council budget passed the vote in the council."), w);
  EXPECT_DOUBLE_EQ(counts.tf.at("budget"), w.title_weight + 1);
  EXPECT_DOUBLE_EQ(counts.tf.at("council"), 2);
  EXPECT_DOUBLE_EQ(counts.tf.at("council budget"), w.bigram_weight);  // stop words are skipped
  EXPECT_FALSE(counts.tf.contains("the"));
  auto tagged = CountTerms(Text(1, "x", "", {"cyber-agreement"}), w);
  EXPECT_DOUBLE_EQ(tagged.tf.at("#cyber-agreement"), 1);
}

TEST(WeightingTest, RareTermsWeighMoreAndEachSpaceHasUnitLength) {
  WeightingOptions w;
  // Term 1 is in 2 of 100 articles, term 2 in 50; same frequency in this article.
  TermVector v = BaseVector({{1, 2, 2, false}, {2, 2, 50, false}, {3, 1, 10, true}}, 5, 100, 5, w);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_GT(v[0].weight, v[1].weight);
  EXPECT_NEAR(v[0].weight * v[0].weight + v[1].weight * v[1].weight, 1.0, 1e-6);
  EXPECT_FLOAT_EQ(v[2].weight, 1.0f);  // the tag space is normalised on its own
  Similarity s = Compare(v, v);
  EXPECT_NEAR(s.words, 1.0, 1e-6);
  EXPECT_NEAR(s.tags, 1.0, 1e-6);
  // Term 4 is in this article only: it cannot relate it to anything and is left out, but the
  // article is then less than a copy of any other.
  double shared = 0;
  TermVector own = BaseVector({{1, 2, 2, false}, {2, 2, 50, false}, {4, 3, 1, false}}, 5, 100, 5, w, &shared);
  ASSERT_EQ(own.size(), 2u);
  EXPECT_LT(shared, 0.9);
  EXPECT_LT(TextSimilarity(own, shared, own, shared), 0.8);
  // A copy of an article is a near-duplicate even when only its strongest terms are kept.
  TermVector many;
  for (int t = 1; t <= 50; ++t) many.push_back({t, 1.0f / t, false});
  const TermVector strongest = Strongest(many, 10);
  EXPECT_NEAR(TextSimilarity(strongest, 1.0, strongest, 1.0), 1.0, 1e-6);
}

TEST(WeightingTest, RepeatingAWordSaturates) {
  WeightingOptions w;
  // Ten times the occurrences weigh far less than ten times as much (BM25 saturation).
  TermVector v = BaseVector({{1, 30, 5, false}, {2, 3, 5, false}}, 33, 100, 33, w);
  EXPECT_LT(v[0].weight / v[1].weight, 2.0);
}

TEST(WeightingTest, StrongestKeepsTheHeaviestWordsAndEveryTag) {
  TermVector v = {{1, 0.1f, false}, {2, 0.9f, false}, {3, 0.5f, false}, {4, 0.2f, true}};
  TermVector s = Strongest(v, 2);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].term, 2);
  EXPECT_EQ(s[1].term, 3);
  EXPECT_TRUE(s[2].tag);
}

TEST(WeightingTest, ExpansionAddsTheNeighboursWords) {
  WeightingOptions w;
  w.expansion = 1.0;
  TermVector base = {{1, 1.0f, false}};
  TermVector n1 = {{1, 0.6f, false}, {2, 0.8f, false}};
  TermVector n2 = {{2, 1.0f, false}};
  TermVector e = Expand(base, {&n1, &n2}, w);
  ASSERT_EQ(e.size(), 2u);
  // 1 + (0.6 + 0) / 2 = 1.3 and (0.8 + 1.0) / 2 = 0.9, normalised.
  EXPECT_NEAR(e[0].weight / e[1].weight, 1.3 / 0.9, 1e-5);
  EXPECT_NEAR(Compare(e, e).words, 1.0, 1e-6);
}

TEST(SimilarityTest, SharedWordsMakeArticlesRelated) {
  std::vector<content::ArticleText> a = {
      Text(1, "Bank raises interest rates", "The central bank raised interest rates to curb inflation."),
      Text(2, "Interest rates rise again", "Inflation pushed the bank to lift interest rates once more."),
      Text(3, "Striker scores twice", "The striker scored twice as the club won the football match."),
      Text(4, "Club wins the cup", "The football club won the cup after the striker scored."),
  };
  auto lists = ComputeRelated(a, Options());
  ASSERT_FALSE(lists[1].empty());
  EXPECT_EQ(lists[1][0].id, 2);
  EXPECT_EQ(lists[3][0].id, 4);
  for (const auto& [id, list] : lists)
    for (const auto& link : list) EXPECT_NE(link.id, id) << "an article is never related to itself";
}

TEST(SimilarityTest, SharedTagsCount) {
  std::vector<content::ArticleText> a = {
      Text(1, "Harbour report", "Water levels at the harbour.", {"cyber-agreement"}),
      Text(2, "Treaty signed", "Diplomats met in Geneva.", {"cyber-agreement"}),
      Text(3, "Harbour water levels", "Water levels at the harbour rose sharply.", {}),
      Text(4, "Election campaign", "Voters queue.", {}),
  };
  auto lists = ComputeRelated(a, Options());
  ASSERT_FALSE(lists[2].empty());
  EXPECT_EQ(lists[2][0].id, 1);
}

TEST(SimilarityTest, TiesGoToTheMoreRecentArticle) {
  std::vector<content::ArticleText> a = {
      Text(1, "Budget vote", "Council budget vote", {}, 100),
      Text(2, "Budget vote", "Council budget vote", {}, 200),
      Text(3, "Budget vote", "Council budget vote", {}, 300),
  };
  auto lists = ComputeRelated(a, Options(4, 1.0));
  ASSERT_EQ(lists[1].size(), 2u);
  EXPECT_EQ(lists[1][0].id, 3);
}

TEST(SimilarityTest, NearDuplicatesAreNotListed) {
  std::vector<content::ArticleText> a = {
      Text(1, "Budget vote", "Council budget vote on Tuesday evening"),
      Text(2, "Budget vote", "Council budget vote on Tuesday evening"),
      Text(3, "Budget debate", "Council budget debate ran late"),
      Text(4, "Ferry timetable", "New ferry timetable for winter"),
  };
  auto lists = ComputeRelated(a, Options());
  ASSERT_EQ(lists[1].size(), 1u);
  EXPECT_EQ(lists[1][0].id, 3);
  // Article 3 may list 1 or 2, not both.
  EXPECT_EQ(lists[3].size(), 1u);
}

TEST(SimilarityTest, OneHeadlineTwiceIsADuplicate) {
  std::vector<content::ArticleText> a = {
      Text(1, "Budget vote", "Council budget vote on Tuesday evening in the town hall"),
      Text(2, "Budget Vote ", "The council voted on its budget; the vote ran late into Tuesday night"),
      Text(3, "Budget debate", "Council budget debate ran late in the town hall"),
      Text(4, "Budget row", "A row over the council budget before the vote"),
  };
  auto lists = ComputeRelated(a, Options());
  for (const auto& [id, list] : lists) {
    std::set<content::ArticleId> ids;
    for (const auto& l : list) ids.insert(l.id);
    EXPECT_FALSE((id == 1 && ids.contains(2)) || (id == 2 && ids.contains(1))) << id;
    EXPECT_FALSE(ids.contains(1) && ids.contains(2)) << "list of " << id;
  }
  EXPECT_EQ(HeadlineKey("Budget  vote"), HeadlineKey("budget vote "));
  EXPECT_NE(HeadlineKey("Budget vote"), HeadlineKey("Budget votes"));
}

TEST(SimilarityTest, KeepsAtMostTopK) {
  std::vector<content::ArticleText> a;
  for (int i = 1; i <= 10; ++i)
    a.push_back(Text(i, "Election campaign " + std::string(1, static_cast<char>('a' + i)) + "word",
                     "The election campaign continues in ward " + std::string(i, 'z') + "ville."));
  auto lists = ComputeRelated(a, Options(3, 1.0));
  EXPECT_EQ(lists[5].size(), 3u);
}

TEST(SimilarityTest, ScheduledArticlesAreNeverCandidatesButHaveLists) {
  std::vector<content::ArticleText> a = {
      Text(1, "Budget vote", "Council budget vote in the town hall", {}, 100),
      Text(2, "Budget vote delayed", "Council budget vote delayed by a week", {}, 200),
      Text(3, "Budget debate", "Council budget debate in the town hall", {}, 5000),
  };
  auto computed = ComputeAll(a, {}, Options(4, 1.0), /*now=*/1000);
  ASSERT_EQ(computed.lists[1].size(), 1u);
  EXPECT_EQ(computed.lists[1][0].id, 2);
  EXPECT_EQ(computed.lists[3].size(), 2u);
  EXPECT_FALSE(computed.articles[2].posted);
}

}  // namespace
}  // namespace gazette::related
