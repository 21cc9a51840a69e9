// CommentService against the in-memory twins: posting, the moderation rules and thresholds, and
// moderators' actions, with a fake clock instead of waiting.
#include "comments/comment_service.h"

#include <gtest/gtest.h>

#include "content/article_service.h"
#include "testing/fake_clock.h"
#include "testing/memory_storage.h"

namespace gazette::comments {
namespace {

using std::chrono::days;
using std::chrono::minutes;

class CommentServiceTest : public ::testing::Test {
 protected:
  content::ArticleId Publish(const std::string& title) {
    content::ArticleDraft d;
    d.title = title;
    d.markdown = "The harbour council met on Tuesday.";
    d.status = content::ArticleStatus::kPublished;
    auto a = articles_.Create(d);
    EXPECT_TRUE(a) << a.error().message;
    return a ? a->id : 0;
  }

  CommentForm Form(content::ArticleId article, const std::string& body, const std::string& email = "ann@example.org") {
    return CommentForm{article, std::nullopt, body, "Ann Reader", email, "https://ann.example"};
  }

  // A form sent back ten seconds after its token was issued, from one address.
  SubmissionMeta Meta(const std::string& ip = "203.0.113.9") {
    return SubmissionMeta{ip, "Firefox", clock_.Now() - 10, false};
  }

  // Submits and returns the stored comment; fails the test if it was refused.
  Comment Post(const CommentForm& form, const SubmissionMeta& meta) {
    auto r = service_.Submit(form, meta);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().message);
    return r.ok() ? *r.comment : Comment{};
  }

  void Set(const std::string& key, const std::string& value) { ASSERT_TRUE(storage_.settings.Set(key, value)); }

  static ErrorCode FirstError(const SubmitResult& r) {
    return r.errors.empty() ? ErrorCode::kInternal : r.errors.front().code;
  }

  gazette::testing::MemoryStorage storage_;
  gazette::testing::FakeClock clock_;
  MemorySpamModel spam_;
  content::ArticleService articles_{storage_.articles, clock_};
  CommentService service_{storage_.comments, storage_.articles, storage_.settings, spam_, clock_};
};

TEST_F(CommentServiceTest, HoldsAFirstCommentAndApprovesTheAuthorsNextOnce) {
  const auto article = Publish("Harbour reopens");
  Comment first = Post(Form(article, "Good news for the fishermen."), Meta());
  EXPECT_EQ(first.status, CommentStatus::kPending);
  EXPECT_FALSE(first.moderation_reason.empty());
  EXPECT_EQ(storage_.comments.FindById(first.id)->status, CommentStatus::kPending);

  ASSERT_TRUE(service_.Approve(first.id, "editor"));
  // The same author, whatever the case of the address.
  Comment second = Post(Form(article, "And for the ferry.", "ANN@example.org"), Meta());
  EXPECT_EQ(second.status, CommentStatus::kApproved);
  EXPECT_EQ(second.moderation_reason, "");
  auto approved = service_.Approved(article);
  ASSERT_TRUE(approved);
  ASSERT_EQ(approved->size(), 2u);
  EXPECT_EQ((*approved)[0].id, first.id);
  auto log = storage_.comments.Actions(first.id);
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].action, "approve");
  EXPECT_EQ((*log)[0].from_status, "pending");
  EXPECT_EQ((*log)[0].actor, "editor");
  EXPECT_EQ((*log)[0].at, clock_.Now());
}

TEST_F(CommentServiceTest, KeepsTheFormsFieldsTrimmedAndNeverTheRawUserAgentPastItsLimit) {
  const auto article = Publish("Harbour reopens");
  SubmissionMeta meta = Meta();
  meta.user_agent = std::string(600, 'x');
  Comment c = Post(CommentForm{article, std::nullopt, "  Well said.  ", "  Ann   Reader ", " ann@example.org ",
                               " https://ann.example "},
                   meta);
  auto stored = storage_.comments.FindById(c.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->body, "Well said.");
  EXPECT_EQ(stored->name, "Ann Reader");
  EXPECT_EQ(stored->email, "ann@example.org");
  EXPECT_EQ(stored->website, "https://ann.example");
  EXPECT_EQ(stored->ip, "203.0.113.9");
  EXPECT_EQ(stored->user_agent.size(), 512u);
  EXPECT_EQ(stored->created_at, clock_.Now());
}

TEST_F(CommentServiceTest, RefusesInvalidFormsWithEveryFieldAtFault) {
  const auto article = Publish("Harbour reopens");
  auto r = service_.Submit(CommentForm{article, std::nullopt, " ", "", "not-an-email", "ftp://x"}, Meta());
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const auto& e : r.errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"comment", "name", "email", "website"}));
  EXPECT_TRUE(storage_.comments.List(std::nullopt)->empty());
}

TEST_F(CommentServiceTest, RefusesUnknownAndUnpublishedArticles) {
  EXPECT_EQ(FirstError(service_.Submit(Form(999, "Hello?"), Meta())), ErrorCode::kNotFound);
  const auto article = Publish("Soon withdrawn");
  ASSERT_TRUE(articles_.Unpublish(article));
  EXPECT_EQ(FirstError(service_.Submit(Form(article, "Hello?"), Meta())), ErrorCode::kNotFound);
}

TEST_F(CommentServiceTest, ClosesAfterTheConfiguredDaysUnlessAnEditorReopens) {
  Set("comments.close_after_days", "3");
  const auto article = Publish("Harbour reopens");
  clock_.Advance(days(3));
  Post(Form(article, "Just in time."), Meta());
  clock_.Advance(minutes(1));
  EXPECT_EQ(FirstError(service_.Submit(Form(article, "Too late."), Meta())), ErrorCode::kPermissionDenied);
  ASSERT_TRUE(service_.SetCommenting(article, ArticleCommenting::kOpen));
  Post(Form(article, "Reopened."), Meta());
  ASSERT_TRUE(service_.SetCommenting(article, ArticleCommenting::kClosed));
  EXPECT_EQ(FirstError(service_.Submit(Form(article, "Closed again."), Meta())), ErrorCode::kPermissionDenied);
}

TEST_F(CommentServiceTest, RefusesTheSameCommentTwiceButNotAfterItWasTrashed) {
  const auto article = Publish("Harbour reopens");
  Comment c = Post(Form(article, "Me too."), Meta());
  EXPECT_EQ(FirstError(service_.Submit(Form(article, "Me too.", "Ann@Example.org"), Meta("198.51.100.1"))),
            ErrorCode::kConflict);
  ASSERT_TRUE(service_.Trash(c.id, "editor"));
  Post(Form(article, "Me too."), Meta("198.51.100.1"));
}

TEST_F(CommentServiceTest, RepliesOnlyToApprovedCommentsOfTheSameArticle) {
  const auto article = Publish("Harbour reopens");
  const auto other = Publish("Ferry delayed");
  Comment parent = Post(Form(article, "First."), Meta());
  CommentForm reply = Form(article, "A reply.", "bo@example.org");
  reply.parent_id = parent.id;
  auto held = service_.Submit(reply, Meta());
  ASSERT_EQ(FirstError(held), ErrorCode::kInvalidArgument);
  EXPECT_EQ(held.errors.front().field, "parent");
  ASSERT_TRUE(service_.Approve(parent.id));
  CommentForm elsewhere = reply;
  elsewhere.article_id = other;
  EXPECT_EQ(FirstError(service_.Submit(elsewhere, Meta())), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Post(reply, Meta()).parent_id, parent.id);
}

TEST_F(CommentServiceTest, LimitsTheRatePerAddressUntilTheClockMovesOn) {
  Set("comments.rate_ip_per_minute", "2");
  const auto article = Publish("Harbour reopens");
  Post(Form(article, "One.", "a@example.org"), Meta());
  Post(Form(article, "Two.", "b@example.org"), Meta());
  auto third = service_.Submit(Form(article, "Three.", "c@example.org"), Meta());
  EXPECT_EQ(FirstError(third), ErrorCode::kUnavailable);
  EXPECT_GT(third.retry_after, 0);
  EXPECT_LE(third.retry_after, 30);
  Post(Form(article, "From elsewhere.", "d@example.org"), Meta("198.51.100.1"));
  clock_.Advance(std::chrono::seconds(third.retry_after));
  Post(Form(article, "Three.", "c@example.org"), Meta());
}

TEST_F(CommentServiceTest, SendsHoneypotsAndDisallowedWordsToSpam) {
  Set("comments.disallowed_words", "casino, pills");
  const auto article = Publish("Harbour reopens");
  SubmissionMeta bot = Meta();
  bot.honeypot_filled = true;
  EXPECT_EQ(Post(Form(article, "Nice."), bot).status, CommentStatus::kSpam);
  Comment c = Post(Form(article, "Cheap PILLS here."), Meta());
  EXPECT_EQ(c.status, CommentStatus::kSpam);
  EXPECT_NE(c.moderation_reason.find("pills"), std::string::npos);
}

TEST_F(CommentServiceTest, HoldsAKnownAuthorForLinksWordsFastFormsAndModerateAll) {
  Set("comments.max_links", "1");
  Set("comments.moderation_words", "ferry");
  Set("comments.rate_ip_per_minute", "0");  // no limit: this author posts often
  const auto article = Publish("Harbour reopens");
  ASSERT_TRUE(service_.Approve(Post(Form(article, "Hello."), Meta()).id));
  EXPECT_EQ(Post(Form(article, "Plain words."), Meta()).status, CommentStatus::kApproved);
  EXPECT_EQ(Post(Form(article, "See https://a.example and https://b.example"), Meta()).status, CommentStatus::kPending);
  EXPECT_EQ(Post(Form(article, "The Ferry is late."), Meta()).status, CommentStatus::kPending);
  SubmissionMeta fast = Meta();
  fast.token_issued_at = clock_.Now() - 1;  // under min_seconds (3)
  EXPECT_EQ(Post(Form(article, "Quick."), fast).status, CommentStatus::kPending);
  SubmissionMeta no_token = Meta();
  no_token.token_issued_at.reset();
  EXPECT_EQ(Post(Form(article, "No script."), no_token).status, CommentStatus::kPending);
  Set("comments.moderate_all", "true");
  EXPECT_EQ(Post(Form(article, "More plain words."), Meta("198.51.100.1")).status, CommentStatus::kPending);
}

TEST_F(CommentServiceTest, TheSpamFilterScoresOnlyOnceTrainedAndActsOnItsThresholds) {
  Set("comments.spam_min_training", "2");
  Set("comments.require_previous_approval", "false");
  Set("comments.rate_ip_per_minute", "0");
  Set("comments.rate_ip_per_hour", "0");
  const auto article = Publish("Harbour reopens");
  Comment s1 = Post(Form(article, "Cheap replica watches discount offer", "s1@spam.example"), Meta());
  EXPECT_FALSE(s1.spam_score);
  Comment s2 = Post(Form(article, "Discount replica watches cheap offer today", "s2@spam.example"), Meta());
  Comment h1 = Post(Form(article, "The harbour council should fund the ferry", "h1@example.org"), Meta());
  Comment h2 = Post(Form(article, "Council meeting about the harbour ferry", "h2@example.org"), Meta());
  ASSERT_TRUE(service_.MarkSpam(s1.id));
  ASSERT_TRUE(service_.MarkSpam(s2.id));
  ASSERT_TRUE(service_.Approve(h1.id));
  ASSERT_TRUE(service_.Approve(h2.id));

  Comment spammy = Post(Form(article, "Replica watches discount cheap offer", "s3@spam.example"), Meta());
  ASSERT_TRUE(spammy.spam_score);
  EXPECT_GE(*spammy.spam_score, 0.9);
  EXPECT_EQ(spammy.status, CommentStatus::kSpam);
  Comment hammy = Post(Form(article, "The council and the harbour ferry", "h3@example.org"), Meta());
  ASSERT_TRUE(hammy.spam_score);
  EXPECT_LT(*hammy.spam_score, 0.4);
  EXPECT_EQ(hammy.status, CommentStatus::kApproved);

  // Raising the spam threshold above the score holds the comment instead of binning it.
  Set("comments.spam_threshold", "0.999999");
  Comment held = Post(Form(article, "Cheap replica watches offer", "s4@spam.example"), Meta());
  ASSERT_TRUE(held.spam_score);
  EXPECT_LT(*held.spam_score, 0.999999);
  EXPECT_EQ(held.status, CommentStatus::kPending);
}

TEST_F(CommentServiceTest, RestoreReturnsACommentToItsStatusBeforeTrashOrSpam) {
  const auto article = Publish("Harbour reopens");
  Comment c = Post(Form(article, "Hello."), Meta());
  ASSERT_TRUE(service_.Approve(c.id, "editor"));
  ASSERT_TRUE(service_.Trash(c.id, "editor"));
  ASSERT_TRUE(service_.MarkSpam(c.id, "editor"));
  ASSERT_TRUE(service_.Restore(c.id, "editor"));
  EXPECT_EQ(storage_.comments.FindById(c.id)->status, CommentStatus::kApproved);
  EXPECT_EQ(service_.Restore(c.id).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(service_.Approve(999).error().code, ErrorCode::kNotFound);
  auto log = storage_.comments.Actions(c.id);
  ASSERT_EQ(log->size(), 4u);
  EXPECT_EQ((*log)[3].action, "restore");
  EXPECT_EQ((*log)[3].from_status, "spam");
}

TEST_F(CommentServiceTest, StaffRepliesApproveTheParentAndAreApprovedAtOnce) {
  const auto article = Publish("Harbour reopens");
  Comment parent = Post(Form(article, "A question?"), Meta());
  ASSERT_EQ(parent.status, CommentStatus::kPending);
  auto reply = service_.ReplyAsStaff(parent.id, Form(0, "An answer.", "desk@gazette.example"), "editor");
  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(reply->status, CommentStatus::kApproved);
  EXPECT_EQ(reply->article_id, article);
  EXPECT_EQ(reply->parent_id, parent.id);
  EXPECT_EQ(storage_.comments.FindById(parent.id)->status, CommentStatus::kApproved);
  ASSERT_TRUE(service_.MarkSpam(parent.id));
  EXPECT_EQ(service_.ReplyAsStaff(parent.id, Form(0, "Again."), "editor").error().code, ErrorCode::kInvalidArgument);
}

TEST_F(CommentServiceTest, ModerationReportsAStorageFailure) {
  const auto article = Publish("Harbour reopens");
  Comment c = Post(Form(article, "Hello."), Meta());
  auto stored = storage_.articles.FindById(article);
  ASSERT_TRUE(stored);
  storage_.db.SetUnavailable(true);
  EXPECT_EQ(service_.Approve(c.id).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(service_.IsOpen(*stored).error().code, ErrorCode::kUnavailable);
  storage_.db.SetUnavailable(false);
  EXPECT_EQ(storage_.comments.FindById(c.id)->status, CommentStatus::kPending);
}

}  // namespace
}  // namespace gazette::comments
