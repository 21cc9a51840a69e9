// Pages through the same services as articles (ArticleService, EditorialService), over the
// in-memory twins: paths, conflicts, publishing, and their absence from the lists of articles.
#include <gtest/gtest.h>

#include "content/article_service.h"
#include "content/editorial_service.h"
#include "content/permalink.h"
#include "testing/fake_clock.h"
#include "testing/memory_storage.h"

namespace gazette::content {
namespace {

class PageServiceTest : public ::testing::Test {
 protected:
  Result<Article> CreatePage(const std::string& title, const std::string& slug = "") {
    ArticleDraft d;
    d.kind = ArticleKind::kPage;
    d.title = title;
    d.markdown = "Who we are.";
    d.slug = slug;
    return editorial_.Create(d, 0);
  }

  gazette::testing::MemoryStorage storage_;
  gazette::testing::FakeClock clock_;
  ArticleService articles_{storage_.articles, clock_};
  EditorialService editorial_{articles_, storage_.articles, storage_.editorial, clock_};
};

TEST_F(PageServiceTest, APageTakesTheNestedPathItWasGiven) {
  auto page = CreatePage("Our team", "/About/Team/");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->kind, ArticleKind::kPage);
  EXPECT_EQ(page->slug, "about/team");
  auto permalink = Permalink::Parse(kDefaultPermalink);
  ASSERT_TRUE(permalink);
  EXPECT_EQ(permalink->PathFor(*page), "/about/team/");
}

TEST_F(PageServiceTest, AChosenPathTakenIsAConflictButATitleTakesASuffix) {
  ASSERT_TRUE(CreatePage("About", "about"));
  auto again = CreatePage("About us", "about");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "slug");
  auto from_title = CreatePage("About");
  ASSERT_TRUE(from_title) << from_title.error().message;
  EXPECT_EQ(from_title->slug, "about-2");
}

TEST_F(PageServiceTest, ReservedPathsAreRefusedWhenCreatedOrSaved) {
  auto admin = CreatePage("Admin", "admin/help");
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().code, ErrorCode::kInvalidArgument);
  auto feed = CreatePage("Feed");  // from the title
  ASSERT_FALSE(feed);
  EXPECT_EQ(feed.error().code, ErrorCode::kInvalidArgument);
  auto page = CreatePage("Contact", "contact");
  ASSERT_TRUE(page);
  ArticleChanges c;
  c.slug = "search";
  auto st = editorial_.Save(page->id, c, 0);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  c.slug = "help/contact";
  ASSERT_TRUE(editorial_.Save(page->id, c, 0));
  auto moved = articles_.Get(page->id);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->slug, "help/contact");
}

TEST_F(PageServiceTest, APublishedPageIsFoundByPathAndListedApart) {
  auto page = CreatePage("About", "about");
  ASSERT_TRUE(page);
  EXPECT_FALSE(articles_.GetPublishedPage("about"));  // a draft
  ASSERT_TRUE(editorial_.PublishNow(page->id));
  auto found = articles_.GetPublishedPage("about");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->id, page->id);

  ArticleDraft story;
  story.title = "Harbour reopens";
  story.markdown = "News.";
  auto article = editorial_.Create(story, 0);
  ASSERT_TRUE(article);
  ASSERT_TRUE(editorial_.PublishNow(article->id));
  EXPECT_FALSE(articles_.GetPublishedPage(article->slug));  // an article is no page

  auto list = articles_.ListPublished(1, 10, std::nullopt);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].id, article->id);
  auto pages = articles_.PublishedPages();
  ASSERT_TRUE(pages);
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ((*pages)[0].summary.id, page->id);

  // The admin lists and counts each kind apart.
  EditorialFilter only_pages;
  only_pages.kind = ArticleKind::kPage;
  auto admin_pages = editorial_.List(only_pages);
  ASSERT_TRUE(admin_pages);
  ASSERT_EQ(admin_pages->size(), 1u);
  EXPECT_EQ((*admin_pages)[0].article.id, page->id);
  auto admin_articles = editorial_.List(EditorialFilter{});
  ASSERT_TRUE(admin_articles);
  ASSERT_EQ(admin_articles->size(), 1u);
  EXPECT_EQ((*admin_articles)[0].article.id, article->id);
  auto counts = editorial_.Counts(ArticleKind::kPage);
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->published, 1);

  ASSERT_TRUE(editorial_.Unpublish(page->id));
  auto gone = articles_.GetPublishedPage("about");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

TEST_F(PageServiceTest, APageKeepsRevisionsLikeAnArticle) {
  auto page = CreatePage("About", "about");
  ASSERT_TRUE(page);
  ArticleChanges c;
  c.markdown = "Who we are, and why.";
  ASSERT_TRUE(editorial_.Save(page->id, c, 0));
  auto revisions = editorial_.Revisions(page->id);
  ASSERT_TRUE(revisions);
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].markdown, "Who we are, and why.");
  ASSERT_TRUE(editorial_.RestoreRevision(page->id, (*revisions)[1].id, 0));
  auto restored = articles_.Get(page->id);
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->markdown, "Who we are.");
  EXPECT_EQ(restored->kind, ArticleKind::kPage);
}

}  // namespace
}  // namespace gazette::content
