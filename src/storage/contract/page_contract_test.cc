// The pages part of the ArticleRepository contract: a page is kept like an article but stays out
// of every list, count, group and text of published articles, and is listed on its own.
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

using content::ArticleKind;
using content::ArticleStatus;

template <class B>
class PageContract : public Contract<B> {
 protected:
  content::Article AddPage(const std::string& path, ArticleStatus status = ArticleStatus::kPublished) {
    content::NewArticle a;
    a.kind = ArticleKind::kPage;
    a.slug = path;
    a.title = "Page " + path;
    a.markdown = a.body_text = a.excerpt = "About " + path;
    a.html = "<p>About " + path + "</p>";
    a.author = "Ann Author";
    a.authors = {content::Author{0, "Ann Author", "ann-author"}};
    a.tags = {content::Tag{0, "Harbour", "harbour"}};
    a.status = status;
    a.published_at = status == ArticleStatus::kPublished ? 6000 : 0;
    a.created_at = 4000;
    auto stored = this->b.articles.Insert(a);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : content::Article{};
  }

  // One published article by the same author with the same tag, so that every list below has
  // something in it and a page's absence is not an empty list's.
  content::Article AddNews() {
    content::NewArticle a;
    a.slug = "harbour-news";
    a.title = "Harbour news";
    a.author = "Ann Author";
    a.authors = {content::Author{0, "Ann Author", "ann-author"}};
    a.tags = {content::Tag{0, "Harbour", "harbour"}};
    a.status = ArticleStatus::kPublished;
    a.published_at = 5000;
    a.created_at = 4000;
    auto stored = this->b.articles.Insert(a);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : content::Article{};
  }
};
TYPED_TEST_SUITE(PageContract, Backends, BackendName);

TYPED_TEST(PageContract, KeepsTheKindAndANestedPath) {
  const auto page = this->AddPage("about/team");
  const auto article = this->AddArticle("plain-story");
  for (auto found : {this->b.articles.FindById(page.id), this->b.articles.FindBySlug("about/team")}) {
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(found->kind, ArticleKind::kPage);
    EXPECT_EQ(found->slug, "about/team");
  }
  auto plain = this->b.articles.FindById(article.id);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->kind, ArticleKind::kArticle);
  auto all = this->b.articles.ListAll(std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].kind, ArticleKind::kPage);
}

TYPED_TEST(PageContract, PagesAndArticlesShareOneSlugSpace) {
  this->AddPage("about");
  auto exists = this->b.articles.SlugExists("about");
  ASSERT_TRUE(exists);
  EXPECT_TRUE(*exists);
  content::NewArticle clash;
  clash.slug = "about";
  clash.title = "About";
  clash.created_at = 1;
  auto refused = this->b.articles.Insert(clash);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
}

TYPED_TEST(PageContract, PublishedPagesAreInNoListCountOrGroup) {
  const auto news = this->AddNews();
  const auto page = this->AddPage("about");
  auto& repo = this->b.articles;
  content::ArticleQuery all;
  all.limit = 100;
  auto list = repo.ListPublished(all);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, news.id);
  content::ArticleQuery by_tag = all, by_author = all;
  by_tag.tag_slug = "harbour";
  by_author.author_slug = "ann-author";
  for (const auto& q : {all, by_tag, by_author}) {
    auto n = repo.CountPublished(q);
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 1);
    auto l = repo.ListPublished(q);
    ASSERT_TRUE(l);
    EXPECT_EQ(l->size(), 1u);
  }
  auto between = repo.ListPublishedBetween(0, 100000, 0, 100);
  ASSERT_TRUE(between);
  ASSERT_EQ(between->size(), 1u);
  EXPECT_EQ((*between)[0].summary.id, news.id);
  for (auto by : {content::ArticleGrouping::kMonth, content::ArticleGrouping::kTag, content::ArticleGrouping::kAuthor}) {
    auto groups = repo.PublishedGroups(by);
    ASSERT_TRUE(groups);
    ASSERT_EQ(groups->size(), 1u);
    EXPECT_EQ((*groups)[0].count, 1);
  }
  auto author = repo.FindAuthor("ann-author");
  ASSERT_TRUE(author);
  EXPECT_EQ(author->published, 1);
  auto texts = repo.PublishedTexts();
  ASSERT_TRUE(texts);
  ASSERT_EQ(texts->size(), 1u);
  EXPECT_EQ((*texts)[0].id, news.id);
  auto page_text = repo.PublishedText(page.id);
  ASSERT_TRUE(page_text);
  EXPECT_FALSE(*page_text);
}

TYPED_TEST(PageContract, TagsAndAuthorsOfPagesAloneAreNotListed) {
  this->AddPage("about");
  auto tags = this->b.articles.ListTags();
  ASSERT_TRUE(tags);
  EXPECT_TRUE(tags->empty());
  auto authors = this->b.articles.ListAuthors();
  ASSERT_TRUE(authors);
  EXPECT_TRUE(authors->empty());
}

TYPED_TEST(PageContract, ListsPublishedPagesByPath) {
  this->AddNews();
  const auto team = this->AddPage("about/team");
  const auto about = this->AddPage("about");
  this->AddPage("contact", ArticleStatus::kDraft);
  auto pages = this->b.articles.ListPublishedPages();
  ASSERT_TRUE(pages) << pages.error().message;
  ASSERT_EQ(pages->size(), 2u);
  EXPECT_EQ((*pages)[0].summary.id, about.id);
  EXPECT_EQ((*pages)[1].summary.id, team.id);
  EXPECT_EQ((*pages)[1].summary.slug, "about/team");
  EXPECT_EQ((*pages)[1].summary.kind, ArticleKind::kPage);
  EXPECT_EQ((*pages)[1].updated_at, team.updated_at);
}

}  // namespace
}  // namespace gazette::storage::contract
