// EditorialService against the in-memory twins: drafts, revisions, scheduling with a fake clock,
// the trash and slug conflicts.
#include "content/editorial_service.h"

#include <gtest/gtest.h>

#include "testing/fake_clock.h"
#include "testing/memory_storage.h"

namespace gazette::content {
namespace {

using std::chrono::days;
using std::chrono::hours;

class EditorialServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    accounts::User u{0, "ann@example.org", "Ann", accounts::Role::kAuthor, "h", false, 1};
    auto stored = storage_.users.Insert(u);
    ASSERT_TRUE(stored);
    ann_ = stored->id;
  }

  ArticleId Draft(const std::string& title) {
    ArticleDraft d;
    d.title = title;
    d.markdown = "First *words*.";
    d.tags = {"Harbour"};
    auto a = service_.Create(d, ann_);
    EXPECT_TRUE(a) << a.error().message;
    return a ? a->id : 0;
  }

  EditorialState StateOf(ArticleId id) { return service_.Get(id)->state; }

  gazette::testing::MemoryStorage storage_;
  gazette::testing::FakeClock clock_;
  ArticleService articles_{storage_.articles, clock_};
  EditorialService service_{articles_, storage_.articles, storage_.editorial, clock_};
  std::int64_t ann_ = 0;
};

TEST_F(EditorialServiceTest, CreatesADraftOwnedByItsAuthorWithAFirstRevision) {
  const ArticleId id = Draft("Harbour reopens");
  auto e = service_.Get(id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->state, EditorialState::kDraft);
  EXPECT_EQ(e->owner, ann_);
  EXPECT_EQ(e->article.slug, "harbour-reopens");
  auto revisions = service_.Revisions(id);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].title, "Harbour reopens");
  EXPECT_EQ((*revisions)[0].tags, std::vector<std::string>{"Harbour"});
  EXPECT_EQ((*revisions)[0].user_id, ann_);
  ArticleDraft empty;
  EXPECT_EQ(service_.Create(empty, ann_).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(EditorialServiceTest, SaveKeepsARevisionPerSaveAndRestoresOne) {
  const ArticleId id = Draft("Harbour reopens");
  ArticleChanges c;
  c.title = "Harbour reopens at last";
  c.markdown = "New *words*.";
  c.tags = std::vector<std::string>{"Ferry", "Harbour"};
  clock_.Advance(hours(1));
  ASSERT_TRUE(service_.Save(id, c, ann_));
  auto a = storage_.articles.FindById(id);
  EXPECT_EQ(a->title, "Harbour reopens at last");
  EXPECT_EQ(a->html, "<p>New <em>words</em>.</p>\n");
  EXPECT_EQ(a->tags.front().slug, "ferry");
  EXPECT_EQ(a->updated_at, clock_.Now());
  auto revisions = service_.Revisions(id);
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].title, "Harbour reopens at last");  // newest first
  ASSERT_TRUE(service_.RestoreRevision(id, (*revisions)[1].id, ann_));
  EXPECT_EQ(storage_.articles.FindById(id)->title, "Harbour reopens");
  EXPECT_EQ(service_.Revisions(id)->size(), 3u);
  EXPECT_EQ(service_.Save(999, c, ann_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.GetRevision(999, (*revisions)[1].id).error().code, ErrorCode::kNotFound);
}

TEST_F(EditorialServiceTest, ASlugTakenByAnotherArticleIsAConflictAndChangesNothing) {
  const ArticleId first = Draft("Harbour reopens");
  const ArticleId second = Draft("Ferry delayed");
  ArticleChanges c;
  c.title = "Changed title";
  c.slug = "Harbour Reopens";
  auto st = service_.Save(second, c, ann_);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  EXPECT_EQ(st.error().field, "slug");
  EXPECT_EQ(storage_.articles.FindById(second)->title, "Ferry delayed");
  c.slug = "ferry-late";
  ASSERT_TRUE(service_.Save(second, c, ann_));
  EXPECT_EQ(storage_.articles.FindById(second)->slug, "ferry-late");
  EXPECT_EQ(*storage_.articles.FindIdByOldSlug("ferry-delayed"), second);
  (void)first;
}

TEST_F(EditorialServiceTest, ScheduledArticlesGoLiveWhenTheirTimeComes) {
  const ArticleId soon = Draft("In two hours");
  const ArticleId later = Draft("In three days");
  EXPECT_EQ(service_.Schedule(soon, clock_.Now()).error().code, ErrorCode::kInvalidArgument);
  const UnixTime soon_at = clock_.Now() + 2 * 3600;
  ASSERT_TRUE(service_.Schedule(soon, soon_at));
  ASSERT_TRUE(service_.Schedule(later, clock_.Now() + 3 * 86400));
  EXPECT_EQ(StateOf(soon), EditorialState::kScheduled);
  EXPECT_EQ(*service_.PublishDue(), 0);
  clock_.Advance(hours(2));
  EXPECT_EQ(*service_.PublishDue(), 1);
  EXPECT_EQ(StateOf(soon), EditorialState::kPublished);
  EXPECT_EQ(storage_.articles.FindById(soon)->published_at, soon_at);
  EXPECT_EQ(StateOf(later), EditorialState::kScheduled);
  clock_.Advance(days(3));
  EXPECT_EQ(*service_.PublishDue(), 1);
  EXPECT_EQ(*service_.PublishDue(), 0);
  auto counts = service_.Counts();
  EXPECT_EQ(counts->published, 2);
  EXPECT_EQ(counts->scheduled, 0);
}

TEST_F(EditorialServiceTest, TrashUnpublishesAndRestoreBringsADraftBack) {
  const ArticleId id = Draft("Harbour reopens");
  ASSERT_TRUE(service_.PublishNow(id));
  ASSERT_TRUE(service_.Trash(id));
  EXPECT_EQ(StateOf(id), EditorialState::kTrash);
  EXPECT_FALSE(storage_.articles.FindById(id)->IsPublished());
  EXPECT_TRUE(service_.List(EditorialFilter{})->empty());
  EXPECT_EQ(service_.Counts()->trash, 1);
  ASSERT_TRUE(service_.Restore(id));
  EXPECT_EQ(StateOf(id), EditorialState::kDraft);
  EXPECT_EQ(service_.Trash(999).error().code, ErrorCode::kNotFound);
}

TEST_F(EditorialServiceTest, FeaturedImagesMustBeDescribedAndInTheLibrary) {
  const ArticleId id = Draft("Harbour reopens");
  auto media = storage_.media.Insert(media::MediaItem{0, "h", "image/jpeg", 10, 10, 1, {}, "", 0, 1});
  ASSERT_TRUE(media);
  EXPECT_EQ(service_.SetFeaturedImage(id, FeaturedImage{media->id, " ", ""}).error().field, "featured_alt");
  EXPECT_EQ(service_.SetFeaturedImage(id, FeaturedImage{999, "Boats", ""}).error().field, "featured_image");
  ASSERT_TRUE(service_.SetFeaturedImage(id, FeaturedImage{media->id, " Boats  at dawn ", ""}));
  EXPECT_EQ(storage_.articles.FindById(id)->featured_image->alt, "Boats at dawn");
  ASSERT_TRUE(service_.SetFeaturedImage(id, FeaturedImage{0, "", ""}));
  EXPECT_FALSE(storage_.articles.FindById(id)->featured_image);
}

}  // namespace
}  // namespace gazette::content
