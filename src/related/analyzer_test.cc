#include "related/analyzer.h"

#include <gtest/gtest.h>

namespace gazette::related {
namespace {

TEST(AnalyzerTest, DropsStopWordsNumbersAndShortWords) {
  EXPECT_EQ(Terms("The Policies of the Banks were rising, he said in 2005 x"),
            (std::vector<std::string>{"polici", "bank", "rise"}));
}

TEST(AnalyzerTest, StemsInflectionsToOneTerm) {
  for (const char* w : {"rates", "rated", "rating"}) EXPECT_EQ(Stem(w), "rate") << w;
  EXPECT_EQ(Terms("Elections elected"), Terms("election elect"));
  EXPECT_EQ(Stem("running"), "run");
}

TEST(AnalyzerTest, SplitsOnPunctuationIncludingUnicode) {
  EXPECT_EQ(Terms("Blair’s “tax-cut” plan—£600m…"), (std::vector<std::string>{"blair", "tax", "cut", "plan"}));
  EXPECT_EQ(Terms("U.K. economy; e-mail"), (std::vector<std::string>{"economi", "mail"}));
}

TEST(AnalyzerTest, LowercasesAndKeepsOtherScripts) {
  EXPECT_EQ(Terms("ÉCOLE Zürich"), (std::vector<std::string>{"école", "zürich"}));
  EXPECT_EQ(Terms("東京 Москва").size(), 2u);
}

TEST(AnalyzerTest, StopWordsAreTheUsualOnes) {
  for (const char* w : {"the", "and", "said", "mr", "would", "which"}) EXPECT_TRUE(IsStopWord(w)) << w;
  for (const char* w : {"bank", "election", "film"}) EXPECT_FALSE(IsStopWord(w)) << w;
}

}  // namespace
}  // namespace gazette::related
