#include "related/similarity.h"

#include <gtest/gtest.h>

namespace gazette::related {
namespace {

content::ArticleText Text(content::ArticleId id, std::string title, std::string body,
                          std::vector<std::string> tags = {}, UnixTime at = 0) {
  return content::ArticleText{id, std::move(title), std::move(body), std::move(tags), at};
}

TEST(SimilarityTest, TermsDropStopWordsAndStem) {
  EXPECT_EQ(Terms("The Policies of the Banks were rising"),
            (std::vector<std::string>{"policy", "bank", "rising"}));
}

TEST(SimilarityTest, SharedWordsMakeArticlesRelated) {
  std::vector<content::ArticleText> a = {
      Text(1, "Bank raises interest rates", "The central bank raised interest rates to curb inflation."),
      Text(2, "Interest rates rise again", "Inflation pushed the bank to lift interest rates once more."),
      Text(3, "Striker scores twice", "The striker scored twice as the club won the football match."),
      Text(4, "Club wins the cup", "The football club won the cup after the striker scored."),
  };
  auto lists = ComputeRelated(a, {});
  ASSERT_FALSE(lists[1].empty());
  EXPECT_EQ(lists[1][0].id, 2);
  EXPECT_EQ(lists[3][0].id, 4);
  for (const auto& [id, list] : lists)
    for (const auto& link : list) EXPECT_NE(link.id, id) << "an article is never related to itself";
}

TEST(SimilarityTest, SharedTagsComeFirst) {
  std::vector<content::ArticleText> a = {
      Text(1, "Harbour report", "Water levels at the harbour.", {"cyber-agreement"}),
      Text(2, "Treaty signed", "Diplomats met in Geneva.", {"cyber-agreement"}),
      Text(3, "Harbour water levels", "Water levels at the harbour rose.", {}),
  };
  auto lists = ComputeRelated(a, {});
  ASSERT_FALSE(lists[1].empty());
  EXPECT_EQ(lists[1][0].id, 2);
}

TEST(SimilarityTest, TiesGoToTheMoreRecentArticle) {
  std::vector<content::ArticleText> a = {
      Text(1, "Budget vote", "Council budget vote", {}, 100),
      Text(2, "Budget vote", "Council budget vote", {}, 200),
      Text(3, "Budget vote", "Council budget vote", {}, 300),
  };
  auto lists = ComputeRelated(a, {});
  ASSERT_EQ(lists[1].size(), 2u);
  EXPECT_EQ(lists[1][0].id, 3);
}

TEST(SimilarityTest, KeepsAtMostTopK) {
  std::vector<content::ArticleText> a;
  for (int i = 1; i <= 10; ++i) a.push_back(Text(i, "Election campaign", "The election campaign continues."));
  SimilarityOptions opt;
  opt.top_k = 3;
  auto lists = ComputeRelated(a, opt);
  EXPECT_EQ(lists[5].size(), 3u);
}

}  // namespace
}  // namespace gazette::related
