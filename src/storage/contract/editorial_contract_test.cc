// The EditorialRepository contract, and a UnitOfWork across repositories.
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

using content::ArticleStatus;

template <class B>
class EditorialContract : public Contract<B> {};
TYPED_TEST_SUITE(EditorialContract, Backends, BackendName);

TYPED_TEST(EditorialContract, OwnersMustBeUsersOfExistingArticles) {
  auto a = this->AddArticle("story");
  auto ann = this->AddUser("ann@example.org");
  EXPECT_EQ(*this->b.editorial.Owner(a.id), 0);
  ASSERT_TRUE(this->b.editorial.SetOwner(a.id, ann.id));
  EXPECT_EQ(*this->b.editorial.Owner(a.id), ann.id);
  EXPECT_EQ(*this->b.editorial.Owners(), (std::map<content::ArticleId, std::int64_t>{{a.id, ann.id}}));
  EXPECT_EQ(CodeOf(this->b.editorial.SetOwner(a.id, 0)), ErrorCode::kConflict);
  EXPECT_EQ(CodeOf(this->b.editorial.SetOwner(a.id, 999)), ErrorCode::kConflict);
  EXPECT_EQ(CodeOf(this->b.editorial.SetOwner(999, ann.id)), ErrorCode::kConflict);
  EXPECT_EQ(*this->b.editorial.Owner(a.id), ann.id);
}

TYPED_TEST(EditorialContract, SchedulesAreOnePerArticle) {
  auto a = this->AddArticle("a", ArticleStatus::kDraft);
  auto b = this->AddArticle("b", ArticleStatus::kDraft);
  ASSERT_TRUE(this->b.editorial.Schedule(a.id, 9000));
  ASSERT_TRUE(this->b.editorial.Schedule(b.id, 8000));
  ASSERT_TRUE(this->b.editorial.Schedule(a.id, 9500));
  EXPECT_EQ(*this->b.editorial.Schedules(), (std::map<content::ArticleId, UnixTime>{{a.id, 9500}, {b.id, 8000}}));
  ASSERT_TRUE(this->b.editorial.Unschedule(b.id));
  ASSERT_TRUE(this->b.editorial.Unschedule(b.id));
  EXPECT_EQ(this->b.editorial.Schedules()->size(), 1u);
  EXPECT_EQ(CodeOf(this->b.editorial.Schedule(999, 1)), ErrorCode::kConflict);
}

TYPED_TEST(EditorialContract, TrashAndRestore) {
  auto a = this->AddArticle("a");
  ASSERT_TRUE(this->b.editorial.Trash(a.id, 100));
  ASSERT_TRUE(this->b.editorial.Trash(a.id, 200));
  EXPECT_EQ(*this->b.editorial.Trashed(), std::set<content::ArticleId>{a.id});
  ASSERT_TRUE(this->b.editorial.Restore(a.id));
  ASSERT_TRUE(this->b.editorial.Restore(a.id));
  EXPECT_TRUE(this->b.editorial.Trashed()->empty());
  EXPECT_EQ(CodeOf(this->b.editorial.Trash(999, 1)), ErrorCode::kConflict);
}

TYPED_TEST(EditorialContract, RevisionsRoundTripNewestFirst) {
  auto a = this->AddArticle("a");
  auto other = this->AddArticle("other");
  auto ann = this->AddUser("ann@example.org");
  content::Revision r{0, a.id, "Title", "Body", "Excerpt", "Ann", {" Harbour ", "", "Politics"}, ann.id, 100};
  auto first = this->b.editorial.AddRevision(r);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_GT(first->id, 0);
  r.title = "Second";
  r.user_id = 0;
  r.created_at = 200;
  auto second = this->b.editorial.AddRevision(r);
  ASSERT_TRUE(second);
  ASSERT_TRUE(this->b.editorial.AddRevision(content::Revision{0, other.id, "O", "", "", "", {}, 0, 1}));
  auto list = this->b.editorial.Revisions(a.id);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, second->id);
  EXPECT_EQ((*list)[0].user_id, 0);
  auto found = this->b.editorial.FindRevision(first->id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->article_id, a.id);
  EXPECT_EQ(found->title, "Title");
  EXPECT_EQ(found->markdown, "Body");
  EXPECT_EQ(found->excerpt, "Excerpt");
  EXPECT_EQ(found->author, "Ann");
  EXPECT_EQ(found->tags, (std::vector<std::string>{"Harbour", "Politics"}));  // trimmed, no empty ones
  EXPECT_EQ(found->user_id, ann.id);
  EXPECT_EQ(found->created_at, 100);
  EXPECT_EQ(CodeOf(this->b.editorial.FindRevision(999)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.editorial.AddRevision(content::Revision{0, 999, "T", "", "", "", {}, 0, 1})),
            ErrorCode::kConflict);
  EXPECT_EQ(CodeOf(this->b.editorial.AddRevision(content::Revision{0, a.id, "T", "", "", "", {}, 999, 1})),
            ErrorCode::kConflict);
}

TYPED_TEST(EditorialContract, AChangedSlugKeepsTheOldOneForRedirects) {
  auto a = this->AddArticle("first");
  auto b = this->AddArticle("taken");
  ASSERT_TRUE(this->b.editorial.SetSlug(a.id, "second"));
  ASSERT_TRUE(this->b.editorial.SetSlug(a.id, "third"));
  EXPECT_EQ(this->b.articles.FindBySlug("third")->id, a.id);
  EXPECT_EQ(*this->b.articles.FindIdByOldSlug("first"), a.id);
  EXPECT_EQ(*this->b.articles.FindIdByOldSlug("second"), a.id);
  EXPECT_EQ(CodeOf(this->b.articles.FindIdByOldSlug("third")), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.editorial.SetSlug(a.id, "taken")), ErrorCode::kConflict);
  EXPECT_EQ(this->b.articles.FindById(a.id)->slug, "third");
  // A slug taken again stops redirecting.
  ASSERT_TRUE(this->b.editorial.SetSlug(b.id, "first"));
  EXPECT_EQ(CodeOf(this->b.articles.FindIdByOldSlug("first")), ErrorCode::kNotFound);
  EXPECT_EQ(*this->b.articles.FindIdByOldSlug("taken"), b.id);
  ASSERT_TRUE(this->b.editorial.SetSlug(a.id, "third"));  // unchanged: nothing recorded
  EXPECT_EQ(CodeOf(this->b.articles.FindIdByOldSlug("third")), ErrorCode::kNotFound);
  EXPECT_TRUE(this->b.editorial.SetSlug(999, "anything"));
}

TYPED_TEST(EditorialContract, ExcerptAndHtmlAreReplaced) {
  auto a = this->AddArticle("a");
  ASSERT_TRUE(this->b.editorial.SetExcerpt(a.id, "Custom excerpt"));
  ASSERT_TRUE(this->b.editorial.SetHtml(a.id, "<p>Filtered</p>"));
  auto found = this->b.articles.FindById(a.id);
  EXPECT_EQ(found->excerpt, "Custom excerpt");
  EXPECT_EQ(found->html, "<p>Filtered</p>");
  EXPECT_EQ(found->updated_at, a.updated_at);
  EXPECT_TRUE(this->b.editorial.SetExcerpt(999, "x"));
  EXPECT_TRUE(this->b.editorial.SetHtml(999, "x"));
}

TYPED_TEST(EditorialContract, FeaturedImagesMustBeInTheMediaLibrary) {
  auto a = this->AddArticle("a");
  auto m = this->AddMedia("hash1");
  auto n = this->AddMedia("hash2");
  auto refused = this->b.editorial.SetFeaturedImage(a.id, content::FeaturedImage{999, "Alt", ""});
  EXPECT_EQ(CodeOf(refused), ErrorCode::kInvalidArgument);
  if (!refused) {
    EXPECT_EQ(refused.error().field, "featured_image");
  }
  ASSERT_TRUE(this->b.editorial.SetFeaturedImage(a.id, content::FeaturedImage{m.id, "Alt", "Caption"}));
  ASSERT_TRUE(this->b.editorial.SetFeaturedImage(a.id, content::FeaturedImage{n.id, "Other", ""}));
  auto found = this->b.articles.FindById(a.id);
  ASSERT_TRUE(found->featured_image);
  EXPECT_EQ(found->featured_image->media_id, n.id);
  EXPECT_EQ(found->featured_image->alt, "Other");
  EXPECT_EQ(found->featured_image->caption, "");
  ASSERT_TRUE(this->b.editorial.SetFeaturedImage(a.id, std::nullopt));
  EXPECT_FALSE(this->b.articles.FindById(a.id)->featured_image);
  EXPECT_EQ(CodeOf(this->b.editorial.SetFeaturedImage(999, content::FeaturedImage{m.id, "Alt", ""})),
            ErrorCode::kConflict);
}

TYPED_TEST(EditorialContract, AFailedUnitOfWorkLeavesNothingInAnyRepository) {
  auto a = this->AddArticle("a");
  Status failed = this->b.unit.Run([&]() -> Status {
    if (auto st = this->b.editorial.Trash(a.id, 1); !st) return st;
    if (auto st = this->b.settings.Set("site.title", "Changed"); !st) return st;
    if (auto st = this->b.editorial.SetSlug(a.id, "moved"); !st) return st;
    return Error::Invalid("stop here");
  });
  EXPECT_EQ(CodeOf(failed), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(this->b.editorial.Trashed()->empty());
  EXPECT_FALSE(*this->b.settings.Get("site.title"));
  EXPECT_EQ(this->b.articles.FindById(a.id)->slug, "a");
  EXPECT_EQ(CodeOf(this->b.articles.FindIdByOldSlug("a")), ErrorCode::kNotFound);
}

TYPED_TEST(EditorialContract, AFailedInnerUnitUndoesOnlyItsOwnWrites) {
  auto a = this->AddArticle("a");
  ASSERT_TRUE(this->b.unit.Run([&]() -> Status {
    if (auto st = this->b.editorial.Schedule(a.id, 100); !st) return st;
    Status inner = this->b.unit.Run([&]() -> Status {
      (void)this->b.editorial.Trash(a.id, 1);
      return Error::Conflict("inner fails");
    });
    EXPECT_FALSE(inner);
    return Status::Ok();
  }));
  EXPECT_EQ(this->b.editorial.Schedules()->size(), 1u);
  EXPECT_TRUE(this->b.editorial.Trashed()->empty());
}

TYPED_TEST(EditorialContract, CorrectionsAreKeptInOrderWithTheirArticle) {
  auto a = this->AddArticle("corrected", content::ArticleStatus::kPublished, 100);
  ASSERT_TRUE(this->b.editorial.AddCorrection(a.id, "The ferry leaves at 9, not 8.", 500));
  ASSERT_TRUE(this->b.editorial.AddCorrection(a.id, "The captain is Ann Lee.", 900));
  auto found = this->b.articles.FindById(a.id);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->corrections.size(), 2u);
  EXPECT_EQ(found->corrections[0].note, "The ferry leaves at 9, not 8.");
  EXPECT_EQ(found->corrections[0].at, 500);
  EXPECT_EQ(found->corrections[1].at, 900);
  EXPECT_FALSE(this->b.editorial.AddCorrection(999999, "x", 1));
  content::Revision r{0, a.id, "T", "", "", "", {}, 0, 1};
  r.correction = "The captain is Ann Lee.";
  auto stored = this->b.editorial.AddRevision(r);
  ASSERT_TRUE(stored);
  EXPECT_EQ(this->b.editorial.FindRevision(stored->id)->correction, "The captain is Ann Lee.");
}

}  // namespace
}  // namespace gazette::storage::contract
