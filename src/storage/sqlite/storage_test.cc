// The SQLite stores and the services over them, on a real database file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

#include "comments/comment_service.h"
#include "content/article_service.h"
#include "related/related_service.h"
#include "storage/sqlite/article_store.h"
#include "storage/sqlite/change_feed_store.h"
#include "storage/sqlite/comment_store.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/related_store.h"
#include "storage/sqlite/settings_store.h"
#include "storage/sqlite/spam_store.h"
#include "storage/sqlite/testing/test_site.h"
#include "storage/sqlite/webhook_outbox_store.h"

namespace gazette::storage::sqlite {
namespace {

// The shared test site, plus the comment stores and service these tests need.
class StorageTest : public testing::TestSite {
 protected:
  void SetUp() override {
    TestSite::SetUp();
    if (HasFatalFailure()) return;
    comments_ = std::make_unique<CommentStore>(*db_);
    spam_store_ = std::make_unique<SpamStore>(*db_);
    comment_service_ =
        std::make_unique<comments::CommentService>(*comments_, *articles_, *settings_, *spam_store_, clock_);
  }
  void TearDown() override {
    comment_service_.reset();
    spam_store_.reset();
    comments_.reset();
    TestSite::TearDown();
  }

  std::unique_ptr<CommentStore> comments_;
  std::unique_ptr<SpamStore> spam_store_;
  std::unique_ptr<comments::CommentService> comment_service_;
};

TEST_F(StorageTest, StoresArticlesWithTagsAndUniqueSlugs) {
  auto a = Add("Pay rise for nurses", "Body.", {"Health", "pay"});
  auto b = Add("Pay rise for nurses", "Body.", {"health"});
  EXPECT_EQ(a.slug, "pay-rise-for-nurses");
  EXPECT_EQ(b.slug, "pay-rise-for-nurses-2");
  auto found = articles_->FindBySlug("pay-rise-for-nurses");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->tags.size(), 2u);
  EXPECT_EQ(found->PrimaryTag()->slug, "health");
  EXPECT_EQ(found->html, "<p>Body.</p>\n");
  EXPECT_EQ(*articles_->CountPublished(content::ArticleQuery{std::string("health")}), 2);
  EXPECT_EQ(articles_->FindTag("health")->name, "Health");
}

TEST_F(StorageTest, ListsPublishedNewestFirstWithPages) {
  for (int i = 0; i < 5; ++i) Add("Story " + std::to_string(i), "Body.");
  content::ArticleDraft draft;
  draft.title = "Secret draft";
  ASSERT_TRUE(service_->Create(draft));
  auto page1 = service_->ListPublished(1, 2, std::nullopt);
  ASSERT_TRUE(page1);
  EXPECT_EQ(page1->total, 5);
  EXPECT_EQ(page1->total_pages, 3);
  EXPECT_EQ(page1->items[0].title, "Story 4");
  auto page3 = service_->ListPublished(3, 2, std::nullopt);
  ASSERT_EQ(page3->items.size(), 1u);
  EXPECT_EQ(page3->items[0].title, "Story 0");
  EXPECT_EQ(service_->ListPublished(4, 2, std::nullopt).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(service_->GetPublished("secret-draft"));
}

TEST_F(StorageTest, CommentsArePendingUntilApproved) {
  auto a = Add("Budget day", "Body.");
  comments::CommentForm form{a.id, std::nullopt, "Well said.", "Ada", "ada@example.org", "https://example.org"};
  auto r = comment_service_->Submit(form, {"127.0.0.1", "test", std::nullopt, false});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.comment->status, comments::CommentStatus::kPending);
  EXPECT_EQ(*comments_->CountApproved(a.id), 0);
  ASSERT_TRUE(comment_service_->Approve(r.comment->id));
  EXPECT_EQ(*comments_->CountApproved(a.id), 1);
  EXPECT_EQ(comments_->ListApproved(a.id)->front().body, "Well said.");
  EXPECT_EQ(comment_service_->Approve(9999).error().code, ErrorCode::kNotFound);
}

TEST_F(StorageTest, RefusesCommentsOnDraftsAndBadReplies) {
  auto a = Add("Budget day", "Body.");
  auto b = Add("Another day", "Body.");
  comments::CommentForm form{a.id, std::nullopt, "Hi", "Ada", "ada@example.org", "https://example.org"};
  auto pending = comment_service_->Submit(form, {});
  ASSERT_TRUE(pending.ok());
  form.parent_id = pending.comment->id;  // not approved yet
  form.comment = "Hi again";             // (the same text twice would be a duplicate)
  EXPECT_FALSE(comment_service_->Submit(form, {}).ok());
  ASSERT_TRUE(comment_service_->Approve(pending.comment->id));
  EXPECT_TRUE(comment_service_->Submit(form, {}).ok());
  form.article_id = b.id;  // the parent belongs to another article
  EXPECT_FALSE(comment_service_->Submit(form, {}).ok());
  ASSERT_TRUE(service_->Unpublish(b.id));
  form.parent_id.reset();
  auto on_draft = comment_service_->Submit(form, {});
  ASSERT_FALSE(on_draft.ok());
  EXPECT_EQ(on_draft.errors[0].code, ErrorCode::kNotFound);
}

TEST_F(StorageTest, RelatedListsHideUnpublishedArticlesAtOnce) {
  auto a = Add("Interest rates rise", "The bank raised interest rates.", {"economy"});
  auto b = Add("Rates rise again", "Interest rates went up again at the bank.", {"economy"});
  Add("Cup final", "The club won the cup.", {"sport"});
  SettingsStore settings(*db_);
  related::RelatedService related(*articles_, *related_store_, settings, clock_);
  ASSERT_TRUE(related.Rebuild());
  auto list = related.For(a.id);
  ASSERT_TRUE(list);
  ASSERT_FALSE(list->empty());
  EXPECT_EQ(list->front().id, b.id);
  ASSERT_TRUE(service_->Unpublish(b.id));
  for (const auto& s : *related.For(a.id)) EXPECT_NE(s.id, b.id);
}

TEST_F(StorageTest, ChangeFeedSeesCommitsFromAnotherConnectionExactly) {
  auto a = Add("Budget day", "Body.");
  auto b = Add("Another day", "Body.");
  ChangeFeedStore feed(*db_, clock_);
  std::vector<std::string> seen;
  auto collect = [&](const content::Change& c) { seen.push_back(c.tag); };
  ASSERT_TRUE(feed.Poll(collect));
  EXPECT_TRUE(seen.empty());
  // Another process: a second Database on the same file approves a comment on `a`.
  auto other = Database::Open(path_.string(), false);
  ASSERT_TRUE(other);
  CommentStore other_comments(**other);
  comments::Comment c;
  c.article_id = a.id;
  c.name = "Ada";
  c.body = "Hi";
  c.status = comments::CommentStatus::kPending;
  auto stored = other_comments.Insert(c);
  ASSERT_TRUE(stored);
  ASSERT_TRUE(feed.Poll(collect));
  EXPECT_TRUE(seen.empty()) << "a pending comment changes no page";
  ASSERT_TRUE(other_comments.SetStatus(stored->id, comments::CommentStatus::kApproved));
  auto seq = feed.Poll(collect);
  ASSERT_TRUE(seq);
  EXPECT_GT(*seq, 0);
  // (and the site-wide comment feed; trigger order is SQLite's business, so compare sorted)
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"article:" + std::to_string(a.id), "comments-all",
                                            "comments:" + std::to_string(a.id)}));
  seen.clear();
  ASSERT_TRUE(feed.Poll(collect));
  EXPECT_TRUE(seen.empty()) << "each change is reported once";
  (void)b;
}

TEST_F(StorageTest, SettingsRoundTripAndMigrationsAreIdempotent) {
  SettingsStore settings(*db_);
  ASSERT_TRUE(settings.Set("site.title", "The Harbourton Gazette"));
  EXPECT_EQ(**settings.Get("site.title"), "The Harbourton Gazette");
  EXPECT_FALSE(*settings.Get("missing"));
  const int version = db_->SchemaVersion();
  EXPECT_GT(version, 0);
  db_.reset();
  auto again = Database::Open(path_.string(), false);
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)->SchemaVersion(), version);
  db_ = std::move(*again);
}

TEST_F(StorageTest, SpamModelCountsMoveWhenAModeratorChangesTheirMind) {
  SpamStore spam(*db_);
  ASSERT_TRUE(spam.Train(1, {"free", "gift"}, true));
  ASSERT_TRUE(spam.Train(2, {"council", "budget", "free"}, false));
  ASSERT_TRUE(spam.Train(1, {"free", "gift"}, true));  // the same decision again: no change
  auto t = spam.Totals();
  EXPECT_EQ(t->spam_docs, 1);
  EXPECT_EQ(t->ham_docs, 1);
  EXPECT_EQ(t->spam_features, 2);
  EXPECT_EQ(t->ham_features, 3);
  EXPECT_EQ(t->vocabulary, 4);
  ASSERT_TRUE(spam.Train(1, {"free", "gift"}, false));
  t = spam.Totals();
  EXPECT_EQ(t->spam_docs, 0);
  EXPECT_EQ(t->ham_features, 5);
  EXPECT_EQ(t->vocabulary, 4);
  EXPECT_EQ(spam.Counts({"free", "unknown"})->at("free").ham, 2);
  EXPECT_FALSE(spam.Counts({"unknown"})->contains("unknown"));
}

TEST_F(StorageTest, ErasesByEmailAndClearsOldSubmissionData) {
  auto a = Add("Budget day", "Body.");
  comments::Comment c;
  c.article_id = a.id;
  c.name = "Ada";
  c.email = "Ada@Example.org";
  c.website = "https://example.org";
  c.body = "First";
  c.status = comments::CommentStatus::kApproved;
  c.created_at = 100;
  c.ip = "192.0.2.1";
  c.user_agent = "UA";
  auto first = comments_->Insert(c);
  c.body = "Second";
  c.created_at = 5000;
  auto second = comments_->Insert(c);
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(*comments_->HasApprovedFrom("ada@example.org"));
  EXPECT_TRUE(*comments_->IsDuplicate(a.id, "ADA@example.org", "First"));
  EXPECT_EQ(comments_->ListByEmail("ada@example.org")->size(), 2u);
  EXPECT_EQ(*comments_->ClearSubmissionData(1000), 1);
  EXPECT_EQ(comments_->FindById(first->id)->ip, "");
  EXPECT_EQ(comments_->FindById(second->id)->ip, "192.0.2.1");
  EXPECT_EQ(*comments_->EraseByEmail("ada@example.org", false), 2);
  auto erased = comments_->FindById(second->id);
  EXPECT_EQ(erased->name, "Anonymous");
  EXPECT_EQ(erased->email, "");
  EXPECT_EQ(erased->website, "");
  EXPECT_EQ(erased->body, "Second");
  EXPECT_TRUE(comments_->ListByEmail("ada@example.org")->empty());
}

TEST_F(StorageTest, WebhookOutboxIsFilledByTriggersOnlyWhenConfigured) {
  auto a = Add("Budget day", "Body.");
  comments::Comment c;
  c.article_id = a.id;
  c.name = "Ada";
  c.email = "ada@example.org";
  c.body = "Before";
  ASSERT_TRUE(comments_->Insert(c));
  WebhookOutboxStore outbox(*db_);
  EXPECT_TRUE(outbox.Due(1LL << 50, 10)->empty());
  ASSERT_TRUE(settings_->Set("comments.webhook_urls", "http://127.0.0.1:9/"));
  c.body = "After";
  auto stored = comments_->Insert(c);
  ASSERT_TRUE(comments_->SetStatus(stored->id, comments::CommentStatus::kApproved));
  auto due = outbox.Due(1LL << 50, 10);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].event, "comment.created");
  EXPECT_EQ((*due)[1].event, "comment.approved");
  ASSERT_TRUE(outbox.Retry((*due)[0].id, 1, 1LL << 52));
  ASSERT_TRUE(outbox.Finish((*due)[1].id, true, 1));
  EXPECT_TRUE(outbox.Due(1LL << 50, 10)->empty());
}

TEST_F(StorageTest, CommentingChoiceRoundTripsAndDefaultDeletesTheRow) {
  using comments::ArticleCommenting;
  auto a = Add("Budget day", "Body.");
  auto rows = [&] {
    auto st = db_->Prepare("SELECT COUNT(*) FROM article_commenting WHERE article_id = ?1");
    st.Bind(1, a.id);
    EXPECT_TRUE(*st.Step());
    return st.Int(0);
  };
  EXPECT_EQ(*comments_->Commenting(a.id), ArticleCommenting::kSiteDefault);
  EXPECT_EQ(rows(), 0);
  for (auto c : {ArticleCommenting::kOpen, ArticleCommenting::kClosed, ArticleCommenting::kOpen,
                 ArticleCommenting::kSiteDefault, ArticleCommenting::kClosed, ArticleCommenting::kSiteDefault}) {
    ASSERT_TRUE(comments_->SetCommenting(a.id, c));
    EXPECT_EQ(*comments_->Commenting(a.id), c) << comments::ToString(c);
    EXPECT_EQ(rows(), c == ArticleCommenting::kSiteDefault ? 0 : 1) << comments::ToString(c);
  }
  EXPECT_EQ(*comments_->Commenting(999), ArticleCommenting::kSiteDefault) << "an unknown article";
}

TEST_F(StorageTest, ExplicitCommentingOverridesTheSiteRulesInTheService) {
  using comments::ArticleCommenting;
  auto a = Add("Budget day", "Body.");
  ASSERT_TRUE(settings_->Set("comments.closed_by_default", "true"));
  EXPECT_FALSE(*comment_service_->IsOpen(a));
  ASSERT_TRUE(comment_service_->SetCommenting(a.id, ArticleCommenting::kOpen));
  EXPECT_EQ(*comment_service_->Commenting(a.id), ArticleCommenting::kOpen);
  EXPECT_TRUE(*comment_service_->IsOpen(a)) << "reopened on a site closed by default";
  ASSERT_TRUE(settings_->Set("comments.closed_by_default", "false"));
  ASSERT_TRUE(comment_service_->SetCommenting(a.id, ArticleCommenting::kClosed));
  EXPECT_FALSE(*comment_service_->IsOpen(a)) << "closed on an open site";
  ASSERT_TRUE(comment_service_->SetCommenting(a.id, ArticleCommenting::kSiteDefault));
  EXPECT_TRUE(*comment_service_->IsOpen(a));
}

// Migration 8 replaced comment_closed_articles: an article closed before it stays closed.
TEST_F(StorageTest, MigrationEightCarriesClosedArticlesOver) {
  db_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.string().c_str(), &raw), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  };
  for (int v = 0; v < 7; ++v) exec(Migrations()[v]);
  exec("PRAGMA user_version = 7");
  for (int id : {1, 2})
    exec(
        "INSERT INTO articles (id, slug, title, markdown, html, excerpt, author, status, published_at, created_at, "
        "updated_at) VALUES (" +
        std::to_string(id) + ", 'a" + std::to_string(id) + "', 'A', '', '', '', '', 'published', 1, 1, 1)");
  exec("INSERT INTO comment_closed_articles (article_id) VALUES (1)");
  sqlite3_close(raw);

  auto db = Database::Open(path_.string(), false);
  ASSERT_TRUE(db) << db.error().message;
  db_ = std::move(*db);
  EXPECT_EQ(db_->SchemaVersion(), static_cast<int>(Migrations().size()));
  CommentStore store(*db_);
  EXPECT_EQ(*store.Commenting(1), comments::ArticleCommenting::kClosed);
  EXPECT_EQ(*store.Commenting(2), comments::ArticleCommenting::kSiteDefault);
}

}  // namespace
}  // namespace gazette::storage::sqlite
