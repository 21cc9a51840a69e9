// The RelatedRepository contract: stored lists, editors' overrides and the term index.
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

using content::ArticleStatus;
using related::OverrideKind;
using related::RelatedLink;

template <class B>
class RelatedContract : public Contract<B> {};
TYPED_TEST_SUITE(RelatedContract, Backends, BackendName);

TYPED_TEST(RelatedContract, ListsAreRewrittenOnlyWhenTheirArticlesChange) {
  auto a = this->AddArticle("a");
  auto b = this->AddArticle("b", ArticleStatus::kPublished, 1, {"Sport"});
  auto c = this->AddArticle("c");
  EXPECT_TRUE(*this->b.related.WriteList(a.id, {{c.id, 0.9}, {b.id, 0.5}}));
  EXPECT_FALSE(*this->b.related.WriteList(a.id, {{c.id, 0.8}, {b.id, 0.5}}));  // scores only
  EXPECT_EQ(*this->b.related.StoredList(a.id), (std::vector<RelatedLink>{{c.id, 0.8}, {b.id, 0.5}}));
  EXPECT_TRUE(*this->b.related.WriteList(a.id, {{b.id, 0.7}}));
  EXPECT_TRUE(this->b.related.StoredList(999)->empty());
  ASSERT_TRUE(this->b.related.WriteList(c.id, {{a.id, 0.3}}));
  auto all = this->b.related.AllStoredLists();
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, (related::RelatedLists{{a.id, {{b.id, 0.7}}}, {c.id, {{a.id, 0.3}}}}));
  EXPECT_FALSE(*this->b.related.WriteList(b.id, {}));
  EXPECT_EQ(this->b.related.AllStoredLists()->size(), 2u);
  // Lists name existing articles only. Outside a transaction a refused list is not undone: the
  // old rows are gone and the rows before the unknown article kept (RelatedService always
  // writes inside InTransaction).
  EXPECT_EQ(CodeOf(this->b.related.WriteList(a.id, {{c.id, 0.2}, {999, 0.1}})), ErrorCode::kConflict);
  EXPECT_EQ(*this->b.related.StoredList(a.id), (std::vector<RelatedLink>{{c.id, 0.2}}));
  EXPECT_EQ(CodeOf(this->b.related.WriteList(999, {{a.id, 0.1}})), ErrorCode::kConflict);
  EXPECT_TRUE(this->b.related.StoredList(999)->empty());
}

TYPED_TEST(RelatedContract, ForReadsThePublishedArticlesInRankOrder) {
  auto a = this->AddArticle("a");
  auto b = this->AddArticle("b", ArticleStatus::kPublished, 1, {"Sport"});
  auto draft = this->AddArticle("draft", ArticleStatus::kDraft);
  auto c = this->AddArticle("c");
  ASSERT_TRUE(this->b.related.WriteList(a.id, {{b.id, 0.9}, {draft.id, 0.8}, {c.id, 0.7}}));
  auto list = this->b.related.For(a.id, 10);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, b.id);
  EXPECT_EQ((*list)[0].title, "Title of b");
  ASSERT_TRUE((*list)[0].primary_tag);
  EXPECT_EQ((*list)[0].primary_tag->slug, "sport");
  EXPECT_EQ((*list)[1].id, c.id);
  EXPECT_EQ(this->b.related.For(a.id, 1)->size(), 1u);
  EXPECT_TRUE(this->b.related.For(999, 10)->empty());
}

TYPED_TEST(RelatedContract, OverridesAreOldestFirstAndPinsMentionTheirArticle) {
  auto a = this->AddArticle("a");
  auto b = this->AddArticle("b");
  auto c = this->AddArticle("c");
  auto d = this->AddArticle("d");
  ASSERT_TRUE(this->b.related.SetOverride(a.id, c.id, OverrideKind::kPin, 20));
  ASSERT_TRUE(this->b.related.SetOverride(a.id, b.id, OverrideKind::kPin, 10));
  ASSERT_TRUE(this->b.related.SetOverride(a.id, d.id, OverrideKind::kExclude, 30));
  auto o = this->b.related.OverridesOf(a.id);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->pins, (std::vector<content::ArticleId>{b.id, c.id}));
  EXPECT_EQ(o->excludes, (std::vector<content::ArticleId>{d.id}));
  ASSERT_TRUE(this->b.related.SetOverride(a.id, b.id, OverrideKind::kExclude, 40));
  o = this->b.related.OverridesOf(a.id);
  EXPECT_EQ(o->pins, (std::vector<content::ArticleId>{c.id}));
  EXPECT_EQ(o->excludes, (std::vector<content::ArticleId>{d.id, b.id}));
  ASSERT_TRUE(this->b.related.SetOverride(a.id, d.id, OverrideKind::kNone, 50));
  EXPECT_EQ(this->b.related.AllOverrides()->at(a.id).excludes, (std::vector<content::ArticleId>{b.id}));
  EXPECT_EQ(CodeOf(this->b.related.SetOverride(a.id, 999, OverrideKind::kPin, 1)), ErrorCode::kConflict);
  ASSERT_TRUE(this->b.related.WriteList(d.id, {{c.id, 0.5}}));
  EXPECT_EQ(*this->b.related.ListsMentioning(c.id), (std::vector<content::ArticleId>{a.id, d.id}));
  EXPECT_TRUE(this->b.related.ListsMentioning(b.id)->empty());  // excluded, not pinned
  EXPECT_TRUE(this->b.related.OverridesOf(999)->pins.empty());
}

TYPED_TEST(RelatedContract, TermsGetIdsAndFrequenciesNeverBelowZero) {
  auto first = this->b.related.Terms({"harbour", "boat"});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 2u);
  EXPECT_NE((*first)[0].id, (*first)[1].id);
  EXPECT_EQ((*first)[0].df, 0);
  ASSERT_TRUE(this->b.related.AddToDocumentFrequencies({(*first)[0].id, (*first)[0].id}, 1));
  ASSERT_TRUE(this->b.related.AddToDocumentFrequencies({(*first)[1].id}, -3));
  auto again = this->b.related.Terms({"boat", "harbour"});
  EXPECT_EQ((*again)[0].id, (*first)[1].id);
  EXPECT_EQ((*again)[0].df, 0);
  EXPECT_EQ((*again)[1].df, 2);
  ASSERT_TRUE(this->b.related.ReplaceIndex({{"alpha", 3}, {"beta", 1}}, {}, related::IndexStats{2, 10.5, 7}));
  auto replaced = this->b.related.Terms({"beta", "harbour"});
  EXPECT_EQ((*replaced)[0].id, 2);
  EXPECT_EQ((*replaced)[0].df, 1);
  EXPECT_EQ((*replaced)[1].id, 3);
  auto stats = this->b.related.Stats();
  EXPECT_EQ(stats->documents, 2);
  EXPECT_EQ(stats->total_length, 10.5);
  EXPECT_EQ(stats->version, 7);
}

TYPED_TEST(RelatedContract, IndexedArticlesRoundTrip) {
  related::IndexedArticle a;
  a.id = 42;
  a.published_at = 900;
  a.posted = true;
  a.length = 120.5;
  a.base = {{1, 0.5f, false}, {2, 0.25f, true}};
  a.shared = 0.75;
  a.headline = 0xfeedfacecafebeefULL;
  a.vector = {{1, 0.125f, false}};
  a.terms = {1, 2, 3};
  ASSERT_TRUE(this->b.related.PutIndexed(a));
  related::IndexedArticle unposted = a;
  unposted.id = 43;
  unposted.posted = false;
  ASSERT_TRUE(this->b.related.PutIndexed(unposted));
  auto found = this->b.related.Indexed(42);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->published_at, 900);
  EXPECT_TRUE((*found)->posted);
  EXPECT_EQ((*found)->length, 120.5);
  EXPECT_EQ((*found)->base, a.base);
  EXPECT_EQ((*found)->shared, 0.75);
  EXPECT_EQ((*found)->headline, a.headline);
  EXPECT_EQ((*found)->vector, a.vector);
  EXPECT_EQ((*found)->terms, a.terms);
  std::vector<content::ArticleId> visited;
  ASSERT_TRUE(this->b.related.VisitPosted(
      [&](content::ArticleId id, UnixTime, related::TermVector&&, related::TermVector&&) { visited.push_back(id); }));
  EXPECT_EQ(visited, std::vector<content::ArticleId>{42});
  ASSERT_TRUE(this->b.related.RemoveIndexed(42));
  ASSERT_TRUE(this->b.related.RemoveIndexed(42));
  EXPECT_FALSE(*this->b.related.Indexed(42));
}

}  // namespace
}  // namespace gazette::storage::contract
