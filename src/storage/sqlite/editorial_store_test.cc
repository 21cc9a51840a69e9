// The editorial workflow on a real SQLite file: drafts, scheduling, trash, revisions, slugs.
#include "storage/sqlite/editorial_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "content/editorial_service.h"
#include "storage/sqlite/article_store.h"

namespace gazette::storage::sqlite {
namespace {

using content::EditorialState;

class Clock1 final : public Clock {
 public:
  UnixTime Now() const override { return now; }
  UnixTime now = 1'800'000'000;
};

class EditorialStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        std::filesystem::temp_directory_path() /
        (std::string("gazette-editorial-") + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    Remove();
    auto db = Database::Open(path_.string(), true);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(
        db_->Exec("INSERT INTO users (id, email, name, role, password_hash, created_at) "
                  "VALUES (7, 'ed@example.org', 'Ed', 'author', 'x', 0)"));
    store_ = std::make_unique<ArticleStore>(*db_);
    editorial_store_ = std::make_unique<EditorialStore>(*db_);
    articles_ = std::make_unique<content::ArticleService>(*store_, clock_);
    editorial_ = std::make_unique<content::EditorialService>(*articles_, *store_, *editorial_store_, clock_);
  }
  void TearDown() override {
    editorial_.reset();
    articles_.reset();
    editorial_store_.reset();
    store_.reset();
    db_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  content::Article Draft(const std::string& title) {
    content::ArticleDraft d;
    d.title = title;
    d.markdown = "Body of " + title;
    d.tags = {"Politics", "Budget"};
    auto a = editorial_->Create(d, 7);
    EXPECT_TRUE(a) << a.error().message;
    return *a;
  }

  std::filesystem::path path_;
  Clock1 clock_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ArticleStore> store_;
  std::unique_ptr<EditorialStore> editorial_store_;
  std::unique_ptr<content::ArticleService> articles_;
  std::unique_ptr<content::EditorialService> editorial_;
};

TEST_F(EditorialStoreTest, CreatesOwnedDraftsWithARevision) {
  auto a = Draft("Council votes");
  auto e = editorial_->Get(a.id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->state, EditorialState::kDraft);
  EXPECT_EQ(e->owner, 7);
  EXPECT_EQ(editorial_->Revisions(a.id)->size(), 1u);
}

TEST_F(EditorialStoreTest, ScheduledArticlesGoLiveWhenDue) {
  auto a = Draft("Later");
  EXPECT_FALSE(editorial_->Schedule(a.id, clock_.now - 1));
  ASSERT_TRUE(editorial_->Schedule(a.id, clock_.now + 60));
  EXPECT_EQ(editorial_->Get(a.id)->state, EditorialState::kScheduled);
  EXPECT_EQ(*editorial_->PublishDue(), 0);
  clock_.now += 61;
  EXPECT_EQ(*editorial_->PublishDue(), 1);
  auto e = editorial_->Get(a.id);
  EXPECT_EQ(e->state, EditorialState::kPublished);
  EXPECT_EQ(e->article.published_at, clock_.now - 1);
}

TEST_F(EditorialStoreTest, TrashUnpublishesAndRestoreBringsBackADraft) {
  auto a = Draft("Gone");
  ASSERT_TRUE(editorial_->PublishNow(a.id));
  ASSERT_TRUE(editorial_->Trash(a.id));
  EXPECT_EQ(editorial_->Get(a.id)->state, EditorialState::kTrash);
  EXPECT_FALSE(store_->FindById(a.id)->IsPublished());
  EXPECT_TRUE(editorial_->List({})->empty());
  ASSERT_TRUE(editorial_->Restore(a.id));
  EXPECT_EQ(editorial_->Get(a.id)->state, EditorialState::kDraft);
}

TEST_F(EditorialStoreTest, SavesKeepRevisionsAndOneCanBeRestored) {
  auto a = Draft("First headline");
  content::ArticleChanges c;
  c.title = "Second headline";
  c.markdown = "New body";
  ASSERT_TRUE(editorial_->Save(a.id, c, 7));
  auto revs = editorial_->Revisions(a.id);
  ASSERT_EQ(revs->size(), 2u);
  EXPECT_EQ(revs->front().title, "Second headline");
  ASSERT_TRUE(editorial_->RestoreRevision(a.id, revs->back().id, 7));
  EXPECT_EQ(store_->FindById(a.id)->title, "First headline");
  EXPECT_EQ(store_->FindById(a.id)->markdown, "Body of First headline");
  EXPECT_EQ(editorial_->Revisions(a.id)->size(), 3u);
}

TEST_F(EditorialStoreTest, FeaturedImagesAreCheckedSetAndRemoved) {
  auto a = Draft("Pictured");
  ASSERT_TRUE(
      db_->Exec("INSERT INTO media (id, hash, mime, width, height, bytes, variants, created_at) "
                "VALUES (3, 'abc', 'image/png', 10, 10, 99, '10 abc-10.png image/png', 0)"));
  content::ArticleChanges c;
  c.featured_image = content::FeaturedImage{3, "  Boats at   the wall ", "Photo: staff"};
  ASSERT_TRUE(editorial_->Save(a.id, c, 7));
  auto stored = store_->FindById(a.id);
  ASSERT_TRUE(stored->featured_image);
  EXPECT_EQ(stored->featured_image->media_id, 3);
  EXPECT_EQ(stored->featured_image->alt, "Boats at the wall");
  EXPECT_EQ(stored->featured_image->caption, "Photo: staff");

  // Refusals name the field and change nothing, the text included.
  c.title = "Changed headline";
  c.featured_image = content::FeaturedImage{3, " ", ""};
  auto no_alt = editorial_->Save(a.id, c, 7);
  ASSERT_FALSE(no_alt);
  EXPECT_EQ(no_alt.error().field, "featured_alt");
  EXPECT_EQ(store_->FindById(a.id)->title, "Pictured");
  c.title.reset();
  c.featured_image = content::FeaturedImage{42, "Not in the library", ""};
  auto missing = editorial_->Save(a.id, c, 7);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "featured_image");
  EXPECT_EQ(store_->FindById(a.id)->featured_image->media_id, 3);

  c.featured_image = content::FeaturedImage{};  // media_id 0: none
  ASSERT_TRUE(editorial_->Save(a.id, c, 7));
  EXPECT_FALSE(store_->FindById(a.id)->featured_image);
}

TEST_F(EditorialStoreTest, SlugsAreEditableButUnique) {
  auto a = Draft("One");
  auto b = Draft("Two");
  content::ArticleChanges c;
  c.slug = "Custom Slug";
  ASSERT_TRUE(editorial_->Save(a.id, c, 7));
  EXPECT_EQ(store_->FindById(a.id)->slug, "custom-slug");
  auto clash = editorial_->Save(b.id, c, 7);
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
}

TEST_F(EditorialStoreTest, ListFiltersByStateTagAuthorAndTitle) {
  auto a = Draft("Budget day arrives");
  Draft("Harbour news");
  ASSERT_TRUE(editorial_->PublishNow(a.id));
  content::EditorialFilter f;
  f.query = "budget";
  EXPECT_EQ(editorial_->List(f)->size(), 1u);
  f = {};
  f.state = EditorialState::kPublished;
  EXPECT_EQ(editorial_->List(f)->size(), 1u);
  f = {};
  f.tag_slug = "budget";
  EXPECT_EQ(editorial_->List(f)->size(), 2u);
  f.author = "nobody";
  EXPECT_TRUE(editorial_->List(f)->empty());
  auto counts = editorial_->Counts();
  EXPECT_EQ(counts->drafts, 1);
  EXPECT_EQ(counts->published, 1);
}

}  // namespace
}  // namespace gazette::storage::sqlite
