#include "related/selection.h"

#include <gtest/gtest.h>

namespace gazette::related {
namespace {

Candidate C(content::ArticleId id, double score, UnixTime at = 0, double words = -1) {
  Candidate c;
  c.id = id;
  c.score = score;
  c.similarity.words = words < 0 ? score : words;
  c.published_at = at;
  return c;
}

std::vector<content::ArticleId> Ids(const std::vector<RelatedLink>& list) {
  std::vector<content::ArticleId> out;
  for (const auto& l : list) out.push_back(l.id);
  return out;
}

TEST(SelectionTest, BestFirstTopKNeverItself) {
  SelectionInput in;
  in.self = 1;
  in.candidates = {C(1, 0.9), C(2, 0.3), C(3, 0.5), C(4, 0.1), C(5, 0.4), C(6, 0.2)};
  EXPECT_EQ(Ids(Select(in, {3, 0.9})), (std::vector<content::ArticleId>{3, 5, 2}));
}

TEST(SelectionTest, TiesGoToTheMoreRecentArticle) {
  SelectionInput in;
  in.self = 1;
  in.candidates = {C(2, 0.5, 100), C(3, 0.5, 300), C(4, 0.5, 200)};
  EXPECT_EQ(Ids(Select(in, {2, 0.9})), (std::vector<content::ArticleId>{3, 4}));
}

TEST(SelectionTest, PinsFirstExclusionsNever) {
  SelectionInput in;
  in.self = 1;
  in.candidates = {C(2, 0.5), C(3, 0.4), C(4, 0.3)};
  in.overrides.pins = {9, 8, 3};
  in.overrides.excludes = {2};
  in.pinnable = [](content::ArticleId id) -> std::optional<Candidate> {
    if (id == 8) return std::nullopt;  // unpublished: not shown
    return C(id, 0);
  };
  EXPECT_EQ(Ids(Select(in, {3, 0.9})), (std::vector<content::ArticleId>{9, 3, 4}));
}

TEST(SelectionTest, NearDuplicatesOfItselfAndOfEachOtherAreLeftOut) {
  SelectionInput in;
  in.self = 1;
  // 2 is a copy of the article; 4 is a copy of 3.
  in.candidates = {C(2, 0.99), C(3, 0.6), C(4, 0.59), C(5, 0.3)};
  in.text_similarity = [](content::ArticleId a, content::ArticleId b) {
    if (a > b) std::swap(a, b);
    return (a == 1 && b == 2) || (a == 3 && b == 4) ? 0.97 : 0.1;
  };
  EXPECT_EQ(Ids(Select(in, {3, 0.9})), (std::vector<content::ArticleId>{3, 5}));
  // The setting at 1 allows them.
  EXPECT_EQ(Ids(Select(in, {3, 1.0})), (std::vector<content::ArticleId>{2, 3, 4}));
}

}  // namespace
}  // namespace gazette::related
