// ArticleDesk over SQLite: the role rules, and that an action failing half-way keeps nothing.
#include "newsroom/article_desk.h"

#include "storage/sqlite/account_store.h"
#include "storage/sqlite/comment_store.h"
#include "storage/sqlite/editorial_store.h"
#include "storage/sqlite/media_store.h"
#include "storage/sqlite/testing/test_site.h"
#include "storage/sqlite/unit_of_work.h"

namespace gazette::newsroom {
namespace {

using accounts::Role;
using content::EditorialState;

class ArticleDeskTest : public storage::sqlite::testing::TestSite {
 protected:
  void SetUp() override {
    TestSite::SetUp();
    editorial_store_ = std::make_unique<storage::sqlite::EditorialStore>(*db_);
    comment_store_ = std::make_unique<storage::sqlite::CommentStore>(*db_);
    media_store_ = std::make_unique<storage::sqlite::MediaStore>(*db_);
    unit_ = std::make_unique<storage::sqlite::SqliteUnitOfWork>(*db_);
    editorial_ = std::make_unique<content::EditorialService>(*service_, *articles_, *editorial_store_, clock_);
    desk_ = std::make_unique<ArticleDesk>(*editorial_, *comment_store_, *media_store_, *unit_);
    storage::sqlite::UserStore users(*db_);
    for (accounts::User* u : {&editor_, &contributor_}) {
      u->email = std::to_string(u->role == Role::kEditor) + "@example.org";
      auto stored = users.Insert(*u);
      ASSERT_TRUE(stored) << stored.error().message;
      *u = *stored;
    }
  }
  void TearDown() override {
    desk_.reset();
    editorial_.reset();
    unit_.reset();
    media_store_.reset();
    comment_store_.reset();
    editorial_store_.reset();
    TestSite::TearDown();
  }

  static accounts::User Person(accounts::UserId id, Role role, std::string name) {
    accounts::User u;
    u.id = id;
    u.role = role;
    u.name = std::move(name);
    return u;
  }

  static ArticleSubmission NewArticle(std::string title) {
    ArticleSubmission s;
    s.changes.title = std::move(title);
    s.changes.markdown = "A first paragraph about the harbour.";
    s.changes.tags = std::vector<std::string>{"Harbour"};
    return s;
  }

  std::size_t ArticleCount() { return articles_->ListAll(std::nullopt).value().size(); }

  accounts::User editor_ = Person(0, Role::kEditor, "Eda Editor");
  accounts::User contributor_ = Person(0, Role::kContributor, "Cal Contributor");
  std::unique_ptr<storage::sqlite::EditorialStore> editorial_store_;
  std::unique_ptr<storage::sqlite::CommentStore> comment_store_;
  std::unique_ptr<storage::sqlite::MediaStore> media_store_;
  std::unique_ptr<storage::sqlite::SqliteUnitOfWork> unit_;
  std::unique_ptr<content::EditorialService> editorial_;
  std::unique_ptr<ArticleDesk> desk_;
};

TEST_F(ArticleDeskTest, SavesTextCommentsChoiceAndStateTogether) {
  ArticleSubmission s = NewArticle("Ferry timetable changes");
  s.commenting = comments::ArticleCommenting::kClosed;
  s.state = EditorialState::kScheduled;
  s.publish_at = clock_.now + 3600;
  auto id = desk_->Save(editor_, s);
  ASSERT_TRUE(id) << id.error().message;
  auto e = editorial_->Get(*id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->article.title, "Ferry timetable changes");
  EXPECT_EQ(e->article.author, "Eda Editor") << "a new article's byline is its writer's";
  EXPECT_EQ(e->owner, editor_.id);
  EXPECT_EQ(e->state, EditorialState::kScheduled);
  EXPECT_EQ(e->scheduled_at, clock_.now + 3600);
  EXPECT_EQ(comment_store_->Commenting(*id).value(), comments::ArticleCommenting::kClosed);
  EXPECT_EQ(editorial_->Revisions(*id).value().size(), 1u);
}

TEST_F(ArticleDeskTest, SavesAPageAndKeepsEachKindToItsOwnEditor) {
  ArticleSubmission s = NewArticle("About us");
  s.kind = content::ArticleKind::kPage;
  s.changes.slug = "about/us";
  s.state = EditorialState::kPublished;
  auto id = desk_->Save(editor_, s);
  ASSERT_TRUE(id) << id.error().message;
  auto e = editorial_->Get(*id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->article.kind, content::ArticleKind::kPage);
  EXPECT_EQ(e->article.slug, "about/us");
  EXPECT_EQ(e->state, EditorialState::kPublished);
  // Saved as an article (the articles' editor, /api/admin/articles/ID) it is not found.
  ArticleSubmission as_article;
  as_article.id = *id;
  as_article.changes.title = "Renamed";
  auto refused = desk_->Save(editor_, as_article);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(editorial_->Get(*id)->article.title, "About us");
  // A contributor may not publish a page either.
  ArticleSubmission by_contributor = NewArticle("Contact");
  by_contributor.kind = content::ArticleKind::kPage;
  by_contributor.state = EditorialState::kPublished;
  auto denied = desk_->Save(contributor_, by_contributor);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(ArticleDeskTest, NewArticleFailingAtItsLastStepIsNotCreated) {
  ArticleSubmission s = NewArticle("Quay closes for repairs");
  s.commenting = comments::ArticleCommenting::kOpen;
  s.state = EditorialState::kScheduled;
  s.publish_at = clock_.now - 60;  // refused by the last step, after the draft and its choice were written
  auto id = desk_->Save(editor_, s);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(id.error().field, "publish_at");
  EXPECT_EQ(ArticleCount(), 0u) << "the draft written before the failure is rolled back";
}

TEST_F(ArticleDeskTest, EditFailingHalfWayKeepsTheArticleAsItWas) {
  auto id = desk_->Save(editor_, NewArticle("Lighthouse keeper retires"));
  ASSERT_TRUE(id);
  ArticleSubmission s;
  s.id = *id;
  s.changes.title = "Lighthouse keeper retires after forty years";
  s.changes.markdown = "A changed body.";
  s.commenting = comments::ArticleCommenting::kClosed;
  s.state = EditorialState::kScheduled;
  s.publish_at = clock_.now;  // not in the future: the last step fails
  ASSERT_FALSE(desk_->Save(editor_, s));
  auto e = editorial_->Get(*id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->article.title, "Lighthouse keeper retires");
  EXPECT_EQ(e->article.markdown, "A first paragraph about the harbour.");
  EXPECT_EQ(e->state, EditorialState::kDraft);
  EXPECT_EQ(editorial_->Revisions(*id).value().size(), 1u) << "no revision of a save that did not happen";
  EXPECT_EQ(comment_store_->Commenting(*id).value(), comments::ArticleCommenting::kSiteDefault);
}

TEST_F(ArticleDeskTest, StorageFailureHalfWayKeepsNothing) {
  auto id = desk_->Save(editor_, NewArticle("Harbour dues rise"));
  ASSERT_TRUE(id);
  ArticleSubmission s;
  s.id = *id;
  s.changes.title = "Harbour dues rise again";
  s.commenting = comments::ArticleCommenting::kClosed;
  s.state = EditorialState::kPublished;
  auto unchanged = [&] {
    auto e = editorial_->Get(*id);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->article.title, "Harbour dues rise");
    EXPECT_EQ(e->state, EditorialState::kDraft);
    EXPECT_EQ(editorial_->Revisions(*id).value().size(), 1u);
  };
  // The comments choice, the step after the text, cannot be written: a failing write...
  ASSERT_TRUE(
      db_->Exec("CREATE TRIGGER refuse BEFORE INSERT ON article_commenting "
                "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"));
  ASSERT_FALSE(desk_->Save(editor_, s));
  unchanged();
  // ... or a table gone (the store answers an error or throws, as its statement was prepared).
  ASSERT_TRUE(db_->Exec("DROP TRIGGER refuse; ALTER TABLE article_commenting RENAME TO article_commenting_gone"));
  bool failed = false;
  try {
    failed = !desk_->Save(editor_, s);
  } catch (const std::exception&) {
    failed = true;
  }
  EXPECT_TRUE(failed);
  ASSERT_TRUE(db_->Exec("ALTER TABLE article_commenting_gone RENAME TO article_commenting"));
  unchanged();
}

TEST_F(ArticleDeskTest, ContributorWritesDraftsButNeitherPublishesNorTakesAnotherByline) {
  ArticleSubmission live = NewArticle("Tide tables");
  live.state = EditorialState::kPublished;
  auto refused = desk_->Save(contributor_, live);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  ArticleSubmission byline = NewArticle("Tide tables");
  byline.changes.authors = std::vector<std::string>{"Someone Else"};
  EXPECT_EQ(desk_->Save(contributor_, byline).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(ArticleCount(), 0u);

  ArticleSubmission draft = NewArticle("Tide tables");
  draft.state = EditorialState::kDraft;  // not a change of state
  auto id = desk_->Save(contributor_, draft);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(desk_->Publish(contributor_, *id).error().code, ErrorCode::kPermissionDenied);
  ASSERT_TRUE(desk_->Publish(editor_, *id));
  ArticleSubmission edit;
  edit.id = *id;
  edit.changes.title = "Tide tables, corrected";
  EXPECT_EQ(desk_->Save(contributor_, edit).error().code, ErrorCode::kPermissionDenied)
      << "a contributor's article is out of their hands once published";
}

TEST_F(ArticleDeskTest, TrashedArticleIsRestoredBeforeItIsEdited) {
  auto id = desk_->Save(editor_, NewArticle("Old pier"));
  ASSERT_TRUE(id);
  ASSERT_TRUE(desk_->Trash(editor_, *id));
  ArticleSubmission edit;
  edit.id = *id;
  edit.changes.title = "Old pier, new look";
  EXPECT_EQ(desk_->Save(editor_, edit).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(desk_->Restore(editor_, *id));
  EXPECT_TRUE(desk_->Save(editor_, edit));
  EXPECT_EQ(editorial_->Get(*id)->article.title, "Old pier, new look");
}

TEST_F(ArticleDeskTest, FeaturedImageMustBeInTheLibrary) {
  ArticleSubmission s = NewArticle("Boats at dawn");
  s.changes.featured_image = content::FeaturedImage{42, "Boats", ""};
  auto id = desk_->Save(editor_, s);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().field, "featured_image");
  EXPECT_EQ(ArticleCount(), 0u);
}

}  // namespace
}  // namespace gazette::newsroom
