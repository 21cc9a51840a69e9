// The change feed's cursor against pruning and restores (issue 19), on a real database file.
#include "storage/sqlite/change_feed_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/sqlite/migrations.h"
#include "storage/sqlite/testing/test_site.h"

namespace gazette::storage::sqlite {
namespace {

class ChangeFeedStoreTest : public testing::TestSite {
 protected:
  // Polls and returns what was applied.
  std::vector<content::Change> Poll(ChangeFeedStore& feed) {
    std::vector<content::Change> seen;
    auto seq = feed.Poll([&](const content::Change& c) { seen.push_back(c); });
    EXPECT_TRUE(seq) << seq.error().message;
    if (seq && !seen.empty()) EXPECT_EQ(*seq, seen.back().seq);
    return seen;
  }
  void Exec(const std::string& sql) { ASSERT_TRUE(db_->Exec(sql)) << sql; }
  // Every row was written more than an hour before `clock_` (the triggers stamp real time).
  void AgeTheLog() { clock_.now = std::time(nullptr) + 2 * ChangeFeedStore::kKeepSeconds; }
};

bool Has(const std::vector<content::Change>& changes, const std::string& tag) {
  for (const auto& c : changes)
    if (c.tag == tag) return true;
  return false;
}

TEST_F(ChangeFeedStoreTest, SeesChangesAfterThePruneEmptiedTheLog) {
  for (int i = 0; i < 5; ++i) Add("Story " + std::to_string(i), "Body.");
  ChangeFeedStore feed(*db_, clock_);
  auto a = Add("Budget day", "Body.");
  AgeTheLog();
  auto first = Poll(feed);  // reads the rows, then prunes them all: the log is empty
  ASSERT_TRUE(Has(first, "article:" + std::to_string(a.id)));
  auto count = db_->Prepare("SELECT COUNT(*) FROM change_log");
  ASSERT_TRUE(*count.Step());
  ASSERT_EQ(count.Int(0), 0);

  auto b = Add("Election night", "Body.");
  auto second = Poll(feed);
  EXPECT_TRUE(Has(second, "article:" + std::to_string(b.id))) << "the first change after the prune is seen";
  ASSERT_FALSE(second.empty());
  EXPECT_GT(second.front().seq, first.back().seq);
  for (const auto& c : second) EXPECT_FALSE(c.resync) << "the feed's own prune leaves its cursor valid";
}

TEST_F(ChangeFeedStoreTest, ResyncsWhenRowsItHadNotReadWerePruned) {
  ChangeFeedStore feed(*db_, clock_);
  Add("Budget day", "Body.");
  const auto before = Poll(feed);
  ASSERT_FALSE(before.empty());
  // Another server pruned rows this one had not read yet.
  Add("Election night", "Body.");
  Exec("DELETE FROM change_log");
  Add("Match report", "Body.");
  auto seen = Poll(feed);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].tag, "all");
  EXPECT_TRUE(seen[0].resync);
  EXPECT_GT(seen[0].seq, before.back().seq);
  // And it follows the log exactly again.
  auto d = Add("Weather", "Body.");
  auto after = Poll(feed);
  EXPECT_TRUE(Has(after, "article:" + std::to_string(d.id)));
  ASSERT_FALSE(after.empty());
  EXPECT_GT(after.front().seq, seen[0].seq);
  EXPECT_FALSE(after.front().resync);
}

TEST_F(ChangeFeedStoreTest, ResyncsWhenTheDatabaseWentBackUnderIt) {
  for (int i = 0; i < 5; ++i) Add("Story " + std::to_string(i), "Body.");
  ChangeFeedStore feed(*db_, clock_);
  Add("Budget day", "Body.");
  const auto before = Poll(feed);
  ASSERT_FALSE(before.empty());
  // A restore from an older backup: the high-water mark is below the cursor.
  Exec("DELETE FROM change_log WHERE id > 2");
  Exec("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'change_log'");
  auto seen = Poll(feed);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_TRUE(seen[0].resync);
  EXPECT_GT(seen[0].seq, before.back().seq) << "sequence numbers never go back";
  auto e = Add("Election night", "Body.");
  auto after = Poll(feed);
  EXPECT_TRUE(Has(after, "article:" + std::to_string(e.id)));
  ASSERT_FALSE(after.empty());
  EXPECT_GT(after.front().seq, seen[0].seq);
}

TEST_F(ChangeFeedStoreTest, NothingChangedReportsNothing) {
  Add("Budget day", "Body.");
  ChangeFeedStore feed(*db_, clock_);
  EXPECT_TRUE(Poll(feed).empty());
  AgeTheLog();
  EXPECT_TRUE(Poll(feed).empty()) << "pruning read rows is not a change";
  EXPECT_TRUE(Poll(feed).empty());
}

TEST_F(ChangeFeedStoreTest, ASettingLogsOneSiteWideChangeAndOnlyWhenItsValueChanges) {
  ASSERT_TRUE(settings_->Set("site.title", "The Harbourton Gazette"));
  ChangeFeedStore feed(*db_, clock_);
  ASSERT_TRUE(settings_->Set("site.title", "The Harbourton Gazette"));
  EXPECT_TRUE(Poll(feed).empty()) << "the same value changes no page";
  ASSERT_TRUE(settings_->Set("site.title", "The Harbourton Herald"));
  auto seen = Poll(feed);
  ASSERT_EQ(seen.size(), 1u) << "one change, one entry";
  EXPECT_EQ(seen[0].tag, "all");
  EXPECT_FALSE(seen[0].resync);
  ASSERT_TRUE(settings_->Set("site.new_key", "x"));
  EXPECT_EQ(Poll(feed).size(), 1u);
  ASSERT_TRUE(settings_->Set("comments.max_links", "3"));
  EXPECT_EQ(Poll(feed).size(), 1u);
  ASSERT_TRUE(settings_->Set("comments.max_links", "3"));
  EXPECT_TRUE(Poll(feed).empty());
}

// Migration 11 moved existing databases to AUTOINCREMENT ids, keeping their high-water mark and
// the triggers that write the log and the outbox.
TEST_F(ChangeFeedStoreTest, MigrationElevenKeepsIdsGoingUp) {
  db_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.string().c_str(), &raw), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  };
  for (int v = 0; v < 10; ++v) exec(Migrations()[v]);
  exec("PRAGMA user_version = 10");
  for (int i = 0; i < 7; ++i) exec("INSERT INTO change_log (kind) VALUES ('all')");
  exec("DELETE FROM change_log WHERE id < 7");
  exec("INSERT INTO settings (key, value) VALUES ('comments.webhook_urls', 'http://127.0.0.1:9/')");
  exec("INSERT INTO webhook_outbox (id, event, comment_id, done) VALUES (40, 'comment.created', 1, 1)");
  sqlite3_close(raw);

  auto db = Database::Open(path_.string(), false);
  ASSERT_TRUE(db) << db.error().message;
  db_ = std::move(*db);
  ASSERT_EQ(db_->SchemaVersion(), static_cast<int>(Migrations().size()));
  Exec("DELETE FROM change_log");
  Exec("DELETE FROM webhook_outbox");
  // (The fixture's stores belong to the closed database: write with SQL.)
  Exec(
      "INSERT INTO articles (id, slug, title, markdown, html, excerpt, author, status, published_at, created_at, "
      "updated_at) VALUES (1, 'a1', 'A', '', '', '', '', 'published', 1, 1, 1)");  // triggers write the log
  auto low = db_->Prepare("SELECT MIN(id) FROM change_log");
  ASSERT_TRUE(*low.Step());
  EXPECT_GT(low.Int(0), 8) << "ids continue after the newest one before the migration";
  Exec(
      "INSERT INTO comments (article_id, name, email, website, body, status, created_at) "
      "VALUES (1, 'Ada', 'ada@example.org', '', 'Hi', 'pending', 1)");
  auto outbox = db_->Prepare("SELECT MIN(id) FROM webhook_outbox");
  ASSERT_TRUE(*outbox.Step());
  EXPECT_EQ(outbox.Int(0), 41) << "the comments' triggers still write the outbox, after its last id";
}

}  // namespace
}  // namespace gazette::storage::sqlite
