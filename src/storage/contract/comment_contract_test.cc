// The CommentRepository and SettingsRepository contracts.
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

using comments::ArticleCommenting;
using comments::Comment;
using comments::CommentStatus;

template <class B>
class CommentContract : public Contract<B> {};
TYPED_TEST_SUITE(CommentContract, Backends, BackendName);

std::vector<comments::CommentId> Ids(const std::vector<Comment>& v) {
  std::vector<comments::CommentId> out;
  for (const auto& c : v) out.push_back(c.id);
  return out;
}

TYPED_TEST(CommentContract, InsertRoundTripsEveryField) {
  auto a = this->AddArticle("a");
  auto parent = this->AddComment(a.id, "ann@example.org", CommentStatus::kApproved, 100);
  Comment c;
  c.article_id = a.id;
  c.parent_id = parent.id;
  c.name = "Bo";
  c.email = "bo@example.org";
  c.website = "https://bo.example";
  c.body = "I disagree.";
  c.status = CommentStatus::kPending;
  c.created_at = 200;
  c.ip = "198.51.100.7";
  c.user_agent = "Safari";
  c.moderation_reason = "new author";
  c.spam_score = 0.25;
  auto stored = this->b.comments.Insert(c);
  ASSERT_TRUE(stored);
  EXPECT_GT(stored->id, parent.id);
  auto found = this->b.comments.FindById(stored->id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->article_id, a.id);
  EXPECT_EQ(found->parent_id, parent.id);
  EXPECT_EQ(found->name, "Bo");
  EXPECT_EQ(found->email, "bo@example.org");
  EXPECT_EQ(found->website, "https://bo.example");
  EXPECT_EQ(found->body, "I disagree.");
  EXPECT_EQ(found->status, CommentStatus::kPending);
  EXPECT_EQ(found->created_at, 200);
  EXPECT_EQ(found->ip, "198.51.100.7");
  EXPECT_EQ(found->user_agent, "Safari");
  EXPECT_EQ(found->moderation_reason, "new author");
  EXPECT_EQ(found->spam_score, 0.25);
  EXPECT_FALSE(this->b.comments.FindById(parent.id)->spam_score);
  EXPECT_FALSE(this->b.comments.FindById(parent.id)->parent_id);
}

TYPED_TEST(CommentContract, CommentsNeedAnArticleAndAnExistingParent) {
  auto a = this->AddArticle("a");
  Comment c;
  c.article_id = 999;
  EXPECT_EQ(CodeOf(this->b.comments.Insert(c)), ErrorCode::kConflict);
  c.article_id = a.id;
  c.parent_id = 999;
  EXPECT_EQ(CodeOf(this->b.comments.Insert(c)), ErrorCode::kConflict);
  EXPECT_EQ(CodeOf(this->b.comments.FindById(999)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.comments.SetStatus(999, CommentStatus::kApproved)), ErrorCode::kNotFound);
  EXPECT_TRUE(this->b.comments.List(std::nullopt)->empty());
}

TYPED_TEST(CommentContract, ListsAreOrderedByTimeThenId) {
  auto a = this->AddArticle("a");
  auto b = this->AddArticle("b");
  auto late = this->AddComment(a.id, "x@example.org", CommentStatus::kApproved, 300);
  auto early = this->AddComment(a.id, "y@example.org", CommentStatus::kApproved, 100);
  auto tie = this->AddComment(a.id, "z@example.org", CommentStatus::kApproved, 100);
  auto held = this->AddComment(a.id, "w@example.org", CommentStatus::kPending, 200);
  auto elsewhere = this->AddComment(b.id, "v@example.org", CommentStatus::kApproved, 50);
  using Ids_ = std::vector<comments::CommentId>;
  EXPECT_EQ(Ids(*this->b.comments.ListApproved(a.id)), (Ids_{early.id, tie.id, late.id}));
  EXPECT_EQ(*this->b.comments.CountApproved(a.id), 3);
  EXPECT_EQ(*this->b.comments.CountApproved(999), 0);
  EXPECT_EQ(Ids(*this->b.comments.List(std::nullopt)), (Ids_{late.id, held.id, tie.id, early.id, elsewhere.id}));
  EXPECT_EQ(Ids(*this->b.comments.List(CommentStatus::kPending)), (Ids_{held.id}));
  EXPECT_EQ(Ids(*this->b.comments.RecentApproved(2)), (Ids_{late.id, tie.id}));
  ASSERT_TRUE(this->b.comments.SetStatus(held.id, CommentStatus::kApproved));
  EXPECT_EQ(this->b.comments.FindById(held.id)->status, CommentStatus::kApproved);
}

TYPED_TEST(CommentContract, EmailsCompareTrimmedAndWithoutCase) {
  auto a = this->AddArticle("a");
  this->AddComment(a.id, "Ann@Example.org", CommentStatus::kApproved, 100, "Same words");
  auto trashed = this->AddComment(a.id, "bo@example.org", CommentStatus::kTrash, 100, "Binned words");
  EXPECT_TRUE(*this->b.comments.HasApprovedFrom("  ann@EXAMPLE.org "));
  EXPECT_FALSE(*this->b.comments.HasApprovedFrom("bo@example.org"));
  EXPECT_TRUE(*this->b.comments.IsDuplicate(a.id, "ANN@example.org", "  Same words\n"));
  EXPECT_FALSE(*this->b.comments.IsDuplicate(a.id, "ann@example.org", "Other words"));
  EXPECT_FALSE(*this->b.comments.IsDuplicate(999, "ann@example.org", "Same words"));
  EXPECT_FALSE(*this->b.comments.IsDuplicate(a.id, "bo@example.org", "Binned words"));
  auto mine = this->b.comments.ListByEmail(" BO@example.org");
  ASSERT_TRUE(mine);
  EXPECT_EQ(Ids(*mine), (std::vector<comments::CommentId>{trashed.id}));
}

TYPED_TEST(CommentContract, TheActionLogIsOldestFirst) {
  auto a = this->AddArticle("a");
  auto c = this->AddComment(a.id, "x@example.org", CommentStatus::kPending, 1);
  ASSERT_TRUE(this->b.comments.RecordAction({c.id, "approve", "pending", "ann", 10}));
  ASSERT_TRUE(this->b.comments.RecordAction({77, "trash", "approved", "cli:bo", 5}));
  ASSERT_TRUE(this->b.comments.RecordAction({c.id, "spam", "approved", "ann", 20}));
  auto all = this->b.comments.Actions(std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[1].comment_id, 77);
  EXPECT_EQ((*all)[1].actor, "cli:bo");
  auto mine = this->b.comments.Actions(c.id);
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].action, "approve");
  EXPECT_EQ((*mine)[0].from_status, "pending");
  EXPECT_EQ((*mine)[0].at, 10);
  EXPECT_EQ((*mine)[1].action, "spam");
}

TYPED_TEST(CommentContract, CommentingIsAnExplicitChoiceOrTheSiteDefault) {
  auto a = this->AddArticle("a");
  EXPECT_EQ(*this->b.comments.Commenting(a.id), ArticleCommenting::kSiteDefault);
  EXPECT_EQ(*this->b.comments.Commenting(999), ArticleCommenting::kSiteDefault);
  ASSERT_TRUE(this->b.comments.SetCommenting(a.id, ArticleCommenting::kClosed));
  EXPECT_EQ(*this->b.comments.Commenting(a.id), ArticleCommenting::kClosed);
  ASSERT_TRUE(this->b.comments.SetCommenting(a.id, ArticleCommenting::kOpen));
  EXPECT_EQ(*this->b.comments.Commenting(a.id), ArticleCommenting::kOpen);
  ASSERT_TRUE(this->b.comments.SetCommenting(a.id, ArticleCommenting::kSiteDefault));
  EXPECT_EQ(*this->b.comments.Commenting(a.id), ArticleCommenting::kSiteDefault);
  EXPECT_EQ(CodeOf(this->b.comments.SetCommenting(999, ArticleCommenting::kOpen)), ErrorCode::kConflict);
  EXPECT_TRUE(this->b.comments.SetCommenting(999, ArticleCommenting::kSiteDefault));
}

TYPED_TEST(CommentContract, ErasingAnonymisesOrRemovesAndRepliesMoveUp) {
  auto a = this->AddArticle("a");
  auto top = this->AddComment(a.id, "keep@example.org", CommentStatus::kApproved, 1);
  auto mid = this->AddComment(a.id, "gone@example.org", CommentStatus::kApproved, 2);
  Comment reply;
  reply.article_id = a.id;
  reply.parent_id = mid.id;
  reply.email = "other@example.org";
  reply.created_at = 3;
  auto r = this->b.comments.Insert(reply);
  ASSERT_TRUE(r);
  // A second comment of the same reader (another case), under top, with a reply of its own.
  Comment child_of_top;
  child_of_top.article_id = a.id;
  child_of_top.parent_id = top.id;
  child_of_top.email = "GONE@example.org";
  child_of_top.created_at = 4;
  auto g = this->b.comments.Insert(child_of_top);
  ASSERT_TRUE(g);
  Comment grandchild;
  grandchild.article_id = a.id;
  grandchild.parent_id = g->id;
  grandchild.email = "third@example.org";
  grandchild.created_at = 5;
  auto gc = this->b.comments.Insert(grandchild);
  ASSERT_TRUE(gc);

  EXPECT_EQ(*this->b.comments.EraseByEmail("  ", false), 0);
  EXPECT_EQ(*this->b.comments.EraseByEmail("gone@example.org", true), 2);
  EXPECT_EQ(CodeOf(this->b.comments.FindById(mid.id)), ErrorCode::kNotFound);
  EXPECT_FALSE(this->b.comments.FindById(r->id)->parent_id);        // mid had no parent
  EXPECT_EQ(this->b.comments.FindById(gc->id)->parent_id, top.id);  // g's parent was top

  EXPECT_EQ(*this->b.comments.EraseByEmail("KEEP@example.org", false), 1);
  auto anon = this->b.comments.FindById(top.id);
  EXPECT_EQ(anon->name, "Anonymous");
  EXPECT_EQ(anon->email, "");
  EXPECT_EQ(anon->website, "");
  EXPECT_EQ(anon->ip, "");
  EXPECT_EQ(anon->user_agent, "");
  EXPECT_EQ(anon->body, "A fair point.");
}

TYPED_TEST(CommentContract, SubmissionDataIsClearedBeforeATime) {
  auto a = this->AddArticle("a");
  auto old = this->AddComment(a.id, "x@example.org", CommentStatus::kApproved, 100);
  auto fresh = this->AddComment(a.id, "y@example.org", CommentStatus::kApproved, 200);
  EXPECT_EQ(*this->b.comments.ClearSubmissionData(200), 1);
  EXPECT_EQ(*this->b.comments.ClearSubmissionData(200), 0);
  EXPECT_EQ(this->b.comments.FindById(old.id)->ip, "");
  EXPECT_EQ(this->b.comments.FindById(old.id)->user_agent, "");
  EXPECT_EQ(this->b.comments.FindById(fresh.id)->ip, "203.0.113.9");
}

template <class B>
class SettingsContract : public Contract<B> {};
TYPED_TEST_SUITE(SettingsContract, Backends, BackendName);

TYPED_TEST(SettingsContract, ValuesAreSetAndReplaced) {
  EXPECT_FALSE(*this->b.settings.Get("site.title"));
  ASSERT_TRUE(this->b.settings.Set("site.title", "The Harbourton Gazette"));
  ASSERT_TRUE(this->b.settings.Set("site.title", "The Gazette"));
  ASSERT_TRUE(this->b.settings.Set("site.description", ""));
  EXPECT_EQ(**this->b.settings.Get("site.title"), "The Gazette");
  EXPECT_EQ(**this->b.settings.Get("site.description"), "");
  EXPECT_FALSE(*this->b.settings.Get("site.TITLE"));
}

}  // namespace
}  // namespace gazette::storage::contract
