// Unit tests for the comment rules: moderation, links, rate limits, threads, spam filter, identicons.
#include <gtest/gtest.h>

#include "comments/identicon.h"
#include "comments/links.h"
#include "comments/moderation.h"
#include "comments/rate_limiter.h"
#include "comments/spam_filter.h"
#include "comments/thread.h"
#include "comments/webhooks.h"

namespace gazette::comments {
namespace {

Comment Make(std::string body, std::string email = "a@example.org") {
  Comment c;
  c.body = std::move(body);
  c.email = std::move(email);
  c.name = "Ann";
  return c;
}

ModerationFacts Known() {
  ModerationFacts f;
  f.author_has_approved_comment = true;
  f.token_age = 60;
  return f;
}

TEST(ModerationTest, ApprovesAKnownAuthorsPlainComment) {
  EXPECT_EQ(Moderate(Make("Nice piece."), Known(), {}).status, CommentStatus::kApproved);
}

TEST(ModerationTest, HoldsNewAuthorsTooManyLinksWordsNoTokenAndFastForms) {
  CommentSettings s;
  s.moderation_words = {"casino"};
  ModerationFacts f = Known();
  f.author_has_approved_comment = false;
  EXPECT_NE(Moderate(Make("hi"), f, s).reason.find("first comment"), std::string::npos);
  EXPECT_EQ(Moderate(Make("http://a.example http://b.example http://c.example"), Known(), s).status,
            CommentStatus::kPending);
  EXPECT_EQ(Moderate(Make("http://a.example http://b.example"), Known(), s).status, CommentStatus::kApproved);
  EXPECT_EQ(Moderate(Make("Best CASINO in town"), Known(), s).status, CommentStatus::kPending);
  f = Known();
  f.token_age.reset();
  EXPECT_NE(Moderate(Make("hi"), f, s).reason.find("without a form token"), std::string::npos);
  f.token_age = 1;
  EXPECT_NE(Moderate(Make("hi"), f, s).reason.find("faster than"), std::string::npos);
  s.moderate_all = true;
  EXPECT_EQ(Moderate(Make("hi"), Known(), s).status, CommentStatus::kPending);
}

TEST(ModerationTest, SpamForDisallowedWordsHoneypotAndFilter) {
  CommentSettings s;
  s.disallowed_words = {"viagra"};
  EXPECT_EQ(Moderate(Make("cheap Viagra"), Known(), s).status, CommentStatus::kSpam);
  ModerationFacts f = Known();
  f.honeypot_filled = true;
  EXPECT_EQ(Moderate(Make("hi"), f, s).status, CommentStatus::kSpam);
  f = Known();
  f.spam_probability = 0.99;
  EXPECT_EQ(Moderate(Make("hi"), f, s).status, CommentStatus::kSpam);
  f.spam_probability = 0.3;
  EXPECT_EQ(Moderate(Make("hi"), f, s).status, CommentStatus::kApproved);
  f.spam_probability = 0.7;
  EXPECT_EQ(Moderate(Make("hi"), f, s).status, CommentStatus::kPending) << "leans to spam: held";
}

TEST(LinksTest, FindsHttpAndWwwAddressesOnly) {
  auto urls = FindUrls("see https://a.example/x). and www.b.example, not javascript:x or xhttp://c");
  ASSERT_EQ(urls.size(), 2u);
  EXPECT_EQ(urls[0].href, "https://a.example/x");
  EXPECT_EQ(urls[1].href, "http://www.b.example");
  EXPECT_EQ(UrlHost("https://user@Www.Example.org:8080/p"), "example.org");
}

TEST(RateLimiterTest, RefusesOverTheLimitAndRefills) {
  RateLimiter limiter;
  std::vector<RateLimit> limits = {{"ip:1", 2, 60}};
  EXPECT_FALSE(limiter.Take(limits, 0));
  EXPECT_FALSE(limiter.Take(limits, 0));
  auto wait = limiter.Take(limits, 0);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 30);
  EXPECT_FALSE(limiter.Take(limits, 31));
  EXPECT_FALSE(limiter.Take({{"ip:2", 2, 60}}, 0)) << "another key has its own bucket";
}

TEST(ThreadTest, NestsToTheDepthAndClosesEveryLevel) {
  std::vector<Comment> all(5);
  for (int i = 0; i < 5; ++i) {
    all[i].id = i + 1;
    all[i].created_at = i;
  }
  all[1].parent_id = 1;  // 2 replies to 1
  all[2].parent_id = 2;  // 3 replies to 2
  all[3].parent_id = 3;  // 4 replies to 3: deeper than 2, shown beside 3
  auto t = BuildThread(all, 2);
  ASSERT_EQ(t.size(), 5u);
  std::vector<int> ids, depths;
  int opens = 0, closes = 0;
  for (const auto& e : t) {
    ids.push_back(static_cast<int>(e.comment->id));
    depths.push_back(e.depth);
    opens += e.has_children;
    closes += e.closes;
  }
  EXPECT_EQ(ids, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(depths, (std::vector<int>{1, 2, 2, 2, 1}));
  EXPECT_EQ(opens, closes);
  EXPECT_TRUE(t[0].can_reply);
  EXPECT_FALSE(t[1].can_reply);
}

TEST(SpamFilterTest, LearnsFromDecisionsAndRelabels) {
  MemorySpamModel model;
  SpamFilter filter(model);
  for (int i = 0; i < 5; ++i) {
    Comment spam = Make("check out my channel http://spam.example subscribe");
    spam.id = i + 1;
    ASSERT_TRUE(filter.Learn(spam, true));
    Comment ham = Make("a thoughtful point about the council budget");
    ham.id = i + 100;
    ASSERT_TRUE(filter.Learn(ham, false));
  }
  EXPECT_FALSE(*filter.Score(Make("x"), 10)) << "not trained enough yet";
  EXPECT_GT(**filter.Score(Make("subscribe to my channel http://spam.example"), 5), 0.9);
  EXPECT_LT(**filter.Score(Make("the council budget is a fair point"), 5), 0.1);
  Comment again = Make("check out my channel http://spam.example subscribe");
  again.id = 1;
  ASSERT_TRUE(filter.Learn(again, false));  // a moderator changed their mind
  EXPECT_EQ(model.Totals()->spam_docs, 4);
  EXPECT_EQ(model.Totals()->ham_docs, 6);
}

TEST(SpamFilterTest, FeaturesNeverIncludeTheEmail) {
  for (const auto& f : SpamFeatures(Make("hello", "secret.person@example.org")))
    EXPECT_EQ(f.find("secret"), std::string::npos) << f;
}

TEST(IdenticonTest, DeterministicKeyedAndWithoutTheEmail) {
  const auto a = IdenticonSvg("Ann@Example.org ", "key1").str();
  EXPECT_EQ(a, IdenticonSvg("ann@example.org", "key1").str());
  EXPECT_NE(a, IdenticonSvg("ann@example.org", "key2").str());
  EXPECT_NE(a, IdenticonSvg("bob@example.org", "key1").str());
  EXPECT_EQ(a.find("example"), std::string::npos);
  EXPECT_TRUE(a.starts_with("<svg"));
}

TEST(WebhooksTest, SignsWithHmacSha256AndBacksOff) {
  // RFC 4231 test case 2.
  EXPECT_EQ(WebhookSignature("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(WebhookBackoffMs(1), 1000);
  EXPECT_EQ(WebhookBackoffMs(3), 4000);
  EXPECT_EQ(WebhookBackoffMs(40), 600000);
  Comment c = Make("hi", "hidden@example.org");
  EXPECT_EQ(WebhookPayload({1, "comment.created", 5, 0}, c, "http://x/#comment-5").find("hidden"), std::string::npos);
}

}  // namespace
}  // namespace gazette::comments
