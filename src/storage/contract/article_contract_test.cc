// The ArticleRepository contract: what every backend must do with articles and tags.
#include "common/text.h"
#include "content/authors.h"
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

using content::ArticleStatus;

template <class B>
class ArticleContract : public Contract<B> {};
TYPED_TEST_SUITE(ArticleContract, Backends, BackendName);

TYPED_TEST(ArticleContract, InsertRoundTripsEveryField) {
  content::NewArticle a;
  a.slug = "harbour-reopens";
  a.title = "Harbour reopens";
  a.markdown = "The *harbour* reopens.";
  a.html = "<p>The <em>harbour</em> reopens.</p>";
  a.excerpt = "The harbour reopens.";
  a.body_text = "The harbour reopens.";
  a.author = "Ann Author";
  a.status = ArticleStatus::kPublished;
  a.published_at = 5000;
  a.created_at = 4000;
  a.tags = {{0, "Cyber agreement", "cyber-agreement"}, {0, "Politics", "politics"}};
  auto stored = this->b.articles.Insert(a);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_GT(stored->id, 0);
  for (auto found : {this->b.articles.FindById(stored->id), this->b.articles.FindBySlug("harbour-reopens")}) {
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, stored->id);
    EXPECT_EQ(found->slug, a.slug);
    EXPECT_EQ(found->title, a.title);
    EXPECT_EQ(found->markdown, a.markdown);
    EXPECT_EQ(found->html, a.html);
    EXPECT_EQ(found->excerpt, a.excerpt);
    EXPECT_EQ(found->author, a.author);
    EXPECT_EQ(found->status, ArticleStatus::kPublished);
    EXPECT_EQ(found->published_at, 5000);
    EXPECT_EQ(found->created_at, 4000);
    EXPECT_EQ(found->updated_at, 4000);
    EXPECT_FALSE(found->featured_image);
    ASSERT_EQ(found->tags.size(), 2u);
    EXPECT_EQ(found->tags[0].name, "Cyber agreement");
    EXPECT_EQ(found->tags[0].slug, "cyber-agreement");
    EXPECT_EQ(found->tags[1].slug, "politics");
    EXPECT_GT(found->tags[0].id, 0);
    EXPECT_NE(found->tags[0].id, found->tags[1].id);
  }
  auto text = this->b.articles.PublishedText(stored->id);
  ASSERT_TRUE(text && *text);
  EXPECT_EQ((*text)->plain_body, "The harbour reopens.");
}

// Joint bylines: every author of an article is kept in order and reaches every list that filters
// by author, their page's count, and the list of authors.
TYPED_TEST(ArticleContract, KeepsEveryAuthorOfAJointByline) {
  const content::Author ann{0, "Ann Lee", "ann-lee"}, bo{0, "Bo Chen", "bo-chen"}, cy{0, "Cy Dar", "cy-dar"};
  content::NewArticle a;
  a.slug = "joint";
  a.title = "Joint";
  a.authors = {bo, ann};
  a.author = content::Byline(a.authors);
  a.status = ArticleStatus::kPublished;
  a.published_at = 100;
  auto joint = this->b.articles.Insert(a);
  ASSERT_TRUE(joint) << joint.error().message;
  ASSERT_EQ(joint->authors.size(), 2u);
  EXPECT_EQ(joint->authors[0].slug, "bo-chen");
  EXPECT_EQ(joint->authors[1].name, "Ann Lee");
  EXPECT_GT(joint->authors[0].id, 0);
  EXPECT_EQ(joint->author, "Bo Chen and Ann Lee");
  content::NewArticle solo = a;
  solo.slug = "solo";
  solo.authors = {content::Author{0, "ANN LEE", "ann-lee"}};  // the same person: the first name stays
  solo.author = "ANN LEE";
  solo.published_at = 200;
  ASSERT_TRUE(this->b.articles.Insert(solo));
  content::NewArticle draft = a;
  draft.slug = "draft";
  draft.authors = {cy};
  draft.status = ArticleStatus::kDraft;
  ASSERT_TRUE(this->b.articles.Insert(draft));

  content::ArticleQuery by_ann;
  by_ann.author_slug = "ann-lee";
  auto ann_list = this->b.articles.ListPublished(by_ann);
  ASSERT_TRUE(ann_list);
  ASSERT_EQ(ann_list->size(), 2u);
  EXPECT_EQ((*ann_list)[0].slug, "solo");
  EXPECT_EQ(*this->b.articles.CountPublished(by_ann), 2);
  content::ArticleQuery by_bo;
  by_bo.author_slug = "bo-chen";
  EXPECT_EQ(*this->b.articles.CountPublished(by_bo), 1);
  auto profile = this->b.articles.FindAuthor("ann-lee");
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->author.name, "Ann Lee");
  EXPECT_EQ(profile->published, 2);
  EXPECT_EQ(this->b.articles.FindAuthor("nobody").error().code, ErrorCode::kNotFound);
  auto all = this->b.articles.ListAuthors();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);  // Cy has only a draft
  EXPECT_EQ((*all)[0].author.slug, "ann-lee");
  EXPECT_EQ((*all)[1].author.slug, "bo-chen");

  ASSERT_TRUE(this->b.articles.SetAuthorProfile("bo-chen", "Covers the courts.", std::int64_t{7}));
  profile = this->b.articles.FindAuthor("bo-chen");
  EXPECT_EQ(profile->bio, "Covers the courts.");
  EXPECT_EQ(profile->photo_media_id, std::optional<std::int64_t>(7));
  EXPECT_EQ(this->b.articles.SetAuthorProfile("nobody", "", std::nullopt).error().code, ErrorCode::kNotFound);

  content::ArticleUpdate u;
  u.title = "Joint";
  u.authors = {cy, bo};
  u.author = content::Byline(u.authors);
  u.updated_at = 300;
  ASSERT_TRUE(this->b.articles.Update(joint->id, u));
  auto edited = this->b.articles.FindById(joint->id);
  ASSERT_EQ(edited->authors.size(), 2u);
  EXPECT_EQ(edited->authors[0].slug, "cy-dar");
  EXPECT_EQ(edited->authors[1].slug, "bo-chen");
  EXPECT_EQ(*this->b.articles.CountPublished(by_ann), 1);
}

TYPED_TEST(ArticleContract, InsertRefusesATakenSlugAndKeepsNothing) {
  this->AddArticle("same");
  content::NewArticle again;
  again.slug = "same";
  again.title = "Another";
  again.tags = {{0, "New tag", "new-tag"}};
  EXPECT_EQ(CodeOf(this->b.articles.Insert(again)), ErrorCode::kConflict);
  auto all = this->b.articles.ListAll(std::nullopt);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1u);
  EXPECT_EQ(CodeOf(this->b.articles.FindTag("new-tag")), ErrorCode::kNotFound);
}

TYPED_TEST(ArticleContract, UnknownArticlesAndTagsAreNotFound) {
  this->AddArticle("here");
  EXPECT_EQ(CodeOf(this->b.articles.FindById(999)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.articles.FindBySlug("nowhere")), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.articles.FindTag("nothing")), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.articles.FindIdByOldSlug("here")), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.articles.SetStatus(999, ArticleStatus::kPublished, 1, 2)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.articles.Update(999, content::ArticleUpdate{})), ErrorCode::kNotFound);
  EXPECT_TRUE(*this->b.articles.SlugExists("here"));
  EXPECT_FALSE(*this->b.articles.SlugExists("nowhere"));
  auto none = this->b.articles.PublishedText(999);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
}

TYPED_TEST(ArticleContract, TagsAreSharedBySlugAndKeepTheirFirstName) {
  auto first = this->AddArticle("one", ArticleStatus::kPublished, 5000, {"Harbour news"});
  auto second = this->AddArticle("two", ArticleStatus::kPublished, 5000, {"HARBOUR news"});
  ASSERT_EQ(second.tags.size(), 1u);
  EXPECT_EQ(second.tags[0].id, first.tags[0].id);
  EXPECT_EQ(second.tags[0].name, "Harbour news");
  auto tag = this->b.articles.FindTag("harbour-news");
  ASSERT_TRUE(tag);
  EXPECT_EQ(tag->id, first.tags[0].id);
}

TYPED_TEST(ArticleContract, ListPublishedIsNewestFirstThenByIdAndPaged) {
  auto old = this->AddArticle("old", ArticleStatus::kPublished, 100, {"Sport"});
  auto tie_a = this->AddArticle("tie-a", ArticleStatus::kPublished, 200);
  auto tie_b = this->AddArticle("tie-b", ArticleStatus::kPublished, 200, {"Sport"});
  this->AddArticle("draft", ArticleStatus::kDraft, 0, {"Sport"});
  auto page = this->b.articles.ListPublished(content::ArticleQuery{std::nullopt, 0, 10});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 3u);
  EXPECT_EQ((*page)[0].id, tie_b.id);
  EXPECT_EQ((*page)[1].id, tie_a.id);
  EXPECT_EQ((*page)[2].id, old.id);
  ASSERT_TRUE((*page)[0].primary_tag);
  EXPECT_EQ((*page)[0].primary_tag->slug, "sport");
  EXPECT_FALSE((*page)[1].primary_tag);
  EXPECT_EQ((*page)[2].excerpt, "Body of old");
  auto second = this->b.articles.ListPublished(content::ArticleQuery{std::nullopt, 1, 1});
  ASSERT_TRUE(second);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].id, tie_a.id);
  auto sport = this->b.articles.ListPublished(content::ArticleQuery{std::string("sport"), 0, 10});
  ASSERT_TRUE(sport);
  ASSERT_EQ(sport->size(), 2u);
  EXPECT_EQ((*sport)[0].id, tie_b.id);
  EXPECT_EQ(*this->b.articles.CountPublished(content::ArticleQuery{}), 3);
  EXPECT_EQ(*this->b.articles.CountPublished(content::ArticleQuery{std::string("sport")}), 2);
  EXPECT_EQ(*this->b.articles.CountPublished(content::ArticleQuery{std::string("none")}), 0);
}

TYPED_TEST(ArticleContract, ListPublishedKeepsToThePublicationWindow) {
  this->AddArticle("early", ArticleStatus::kPublished, 1000);
  auto middle = this->AddArticle("middle", ArticleStatus::kPublished, 2000);
  this->AddArticle("late", ArticleStatus::kPublished, 3000);
  content::ArticleQuery q;
  q.published_from = 2000;  // inclusive
  q.published_until = 3000;  // exclusive
  auto page = this->b.articles.ListPublished(q);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, middle.id);
  EXPECT_EQ(*this->b.articles.CountPublished(q), 1);
  q.published_until.reset();
  EXPECT_EQ(*this->b.articles.CountPublished(q), 2);
}

TYPED_TEST(ArticleContract, ListPublishedCarriesTheFeaturedImage) {
  auto a = this->AddArticle("pictured");
  auto m = this->AddMedia("abc123");
  ASSERT_TRUE(this->b.editorial.SetFeaturedImage(a.id, content::FeaturedImage{m.id, "Boats", "Photo: Ann"}));
  auto page = this->b.articles.ListPublished(content::ArticleQuery{});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  ASSERT_TRUE((*page)[0].featured_image);
  EXPECT_EQ((*page)[0].featured_image->media_id, m.id);
  EXPECT_EQ((*page)[0].featured_image->alt, "Boats");
  EXPECT_EQ((*page)[0].featured_image->caption, "Photo: Ann");
}

TYPED_TEST(ArticleContract, ListAllIsOldestFirstOfAnyOrOneStatus) {
  auto a = this->AddArticle("a", ArticleStatus::kDraft);
  auto b = this->AddArticle("b", ArticleStatus::kPublished, 1);
  auto c = this->AddArticle("c", ArticleStatus::kDraft);
  auto all = this->b.articles.ListAll(std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, a.id);
  EXPECT_EQ((*all)[2].id, c.id);
  auto drafts = this->b.articles.ListAll(ArticleStatus::kDraft);
  ASSERT_TRUE(drafts);
  ASSERT_EQ(drafts->size(), 2u);
  EXPECT_EQ((*drafts)[1].id, c.id);
  auto published = this->b.articles.ListAll(ArticleStatus::kPublished);
  ASSERT_EQ(published->size(), 1u);
  EXPECT_EQ((*published)[0].id, b.id);
}

TYPED_TEST(ArticleContract, SetStatusAndUpdateChangeWhatTheySay) {
  auto a = this->AddArticle("story", ArticleStatus::kDraft, 0, {"Old tag"});
  ASSERT_TRUE(this->b.articles.SetStatus(a.id, ArticleStatus::kPublished, 7000, 7100));
  auto published = this->b.articles.FindById(a.id);
  EXPECT_EQ(published->status, ArticleStatus::kPublished);
  EXPECT_EQ(published->published_at, 7000);
  EXPECT_EQ(published->updated_at, 7100);
  content::ArticleUpdate u;
  u.title = "New title";
  u.markdown = "New *body*";
  u.html = "<p>New <em>body</em></p>";
  u.excerpt = "New body";
  u.author = "Bo Writer";
  u.body_text = "New body";
  u.tags = {{0, "Fresh", "fresh"}, {0, "Old tag", "old-tag"}};
  u.updated_at = 8000;
  ASSERT_TRUE(this->b.articles.Update(a.id, u));
  auto updated = this->b.articles.FindById(a.id);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->slug, "story");
  EXPECT_EQ(updated->title, "New title");
  EXPECT_EQ(updated->markdown, "New *body*");
  EXPECT_EQ(updated->html, "<p>New <em>body</em></p>");
  EXPECT_EQ(updated->excerpt, "New body");
  EXPECT_EQ(updated->author, "Bo Writer");
  EXPECT_EQ(updated->updated_at, 8000);
  EXPECT_EQ(updated->published_at, 7000);
  ASSERT_EQ(updated->tags.size(), 2u);
  EXPECT_EQ(updated->tags[0].slug, "fresh");
  EXPECT_EQ(updated->tags[1].id, a.tags[0].id);
  EXPECT_EQ((*this->b.articles.PublishedText(a.id))->plain_body, "New body");
}

TYPED_TEST(ArticleContract, SetBodyTextSaysWhetherItChanged) {
  auto a = this->AddArticle("story");
  EXPECT_TRUE(*this->b.articles.SetBodyText(a.id, "Other text"));
  EXPECT_FALSE(*this->b.articles.SetBodyText(a.id, "Other text"));
  EXPECT_FALSE(*this->b.articles.SetBodyText(999, "Other text"));
  EXPECT_EQ((*this->b.articles.PublishedText(a.id))->plain_body, "Other text");
}

TYPED_TEST(ArticleContract, ListTagsHasOnlyTagsOfPublishedArticlesByNameWithoutCase) {
  this->AddArticle("one", ArticleStatus::kPublished, 1, {"beta", "Alpha"});
  this->AddArticle("two", ArticleStatus::kDraft, 0, {"gamma"});
  auto tags = this->b.articles.ListTags();
  ASSERT_TRUE(tags);
  ASSERT_EQ(tags->size(), 2u);
  EXPECT_EQ((*tags)[0].name, "Alpha");
  EXPECT_EQ((*tags)[1].name, "beta");
}

TYPED_TEST(ArticleContract, PublishedTextsAreThePublishedArticlesById) {
  auto one = this->AddArticle("one", ArticleStatus::kPublished, 9, {"x"});
  this->AddArticle("draft", ArticleStatus::kDraft);
  auto two = this->AddArticle("two", ArticleStatus::kPublished, 8, {"y", "x"});
  auto texts = this->b.articles.PublishedTexts();
  ASSERT_TRUE(texts);
  ASSERT_EQ(texts->size(), 2u);
  EXPECT_EQ((*texts)[0].id, one.id);
  EXPECT_EQ((*texts)[0].title, "Title of one");
  EXPECT_EQ((*texts)[0].published_at, 9);
  EXPECT_EQ((*texts)[1].id, two.id);
  // The slugs come by tag id (the order SQLite reads article_tags in), not by position.
  EXPECT_EQ((*texts)[1].tag_slugs, (std::vector<std::string>{"x", "y"}));
}

// 2026-12-01T00:00:00Z and 2027-01-01T00:00:00Z: a month's bounds.
constexpr UnixTime kDecember = 1796083200;
constexpr UnixTime kJanuary = 1798761600;

TYPED_TEST(ArticleContract, ListPublishedBetweenIsAHalfOpenWindowNewestFirstWithUpdates) {
  auto first = this->AddArticle("first", ArticleStatus::kPublished, kDecember, {"Sport"});
  auto tie_a = this->AddArticle("tie-a", ArticleStatus::kPublished, kDecember + 50);
  auto tie_b = this->AddArticle("tie-b", ArticleStatus::kPublished, kDecember + 50);
  this->AddArticle("before", ArticleStatus::kPublished, kDecember - 1);
  this->AddArticle("next-month", ArticleStatus::kPublished, kJanuary);
  this->AddArticle("draft", ArticleStatus::kDraft);
  auto m = this->AddMedia("abc123");
  ASSERT_TRUE(this->b.editorial.SetFeaturedImage(first.id, content::FeaturedImage{m.id, "Boats", ""}));
  ASSERT_TRUE(this->b.articles.SetStatus(tie_a.id, ArticleStatus::kPublished, kDecember + 50, kJanuary + 7));
  auto month = this->b.articles.ListPublishedBetween(kDecember, kJanuary, 0, 10);
  ASSERT_TRUE(month) << month.error().message;
  ASSERT_EQ(month->size(), 3u);
  EXPECT_EQ((*month)[0].summary.id, tie_b.id);
  EXPECT_EQ((*month)[1].summary.id, tie_a.id);
  EXPECT_EQ((*month)[1].updated_at, kJanuary + 7);
  EXPECT_EQ((*month)[2].summary.id, first.id);
  EXPECT_EQ((*month)[2].summary.slug, "first");
  EXPECT_EQ((*month)[2].summary.published_at, kDecember);
  EXPECT_EQ((*month)[2].updated_at, 4000);
  ASSERT_TRUE((*month)[2].summary.featured_image);
  EXPECT_EQ((*month)[2].summary.featured_image->media_id, m.id);
  EXPECT_FALSE((*month)[0].summary.featured_image);
  auto paged = this->b.articles.ListPublishedBetween(kDecember, kJanuary, 1, 1);
  ASSERT_TRUE(paged);
  ASSERT_EQ(paged->size(), 1u);
  EXPECT_EQ((*paged)[0].summary.id, tie_a.id);
}

TYPED_TEST(ArticleContract, PublishedGroupsCountAndDateMonthsTagsAndAuthors) {
  auto add = [&](const std::string& slug, UnixTime published, const std::string& author, std::vector<content::Tag> tags,
                 ArticleStatus status = ArticleStatus::kPublished) {
    content::NewArticle a;
    a.slug = a.title = slug;
    for (const auto& name : content::SplitAuthorNames(author)) a.authors.push_back({0, name, text::Slugify(name)});
    a.author = content::Byline(a.authors);
    a.status = status;
    a.published_at = published;
    a.created_at = 4000;
    a.tags = std::move(tags);
    auto stored = this->b.articles.Insert(a);
    EXPECT_TRUE(stored);
    return stored ? stored->id : 0;
  };
  const content::Tag harbour{0, "Harbour", "harbour"}, sport{0, "Sport", "sport"};
  add("dec-1", kDecember, "Ann Author", {harbour});
  const auto dec_2 = add("dec-2", kJanuary - 1, "Bo Writer", {harbour, sport});
  add("jan-1", kJanuary, "Ann Author", {});
  add("joint", kJanuary + 1, "Ann Author, Cy Draft", {sport});
  add("draft", 0, "Cy Draft", {{0, "Drafts", "drafts"}}, ArticleStatus::kDraft);
  ASSERT_TRUE(this->b.articles.SetStatus(dec_2, ArticleStatus::kPublished, kJanuary - 1, 9000));

  auto months = this->b.articles.PublishedGroups(content::ArticleGrouping::kMonth);
  ASSERT_TRUE(months) << months.error().message;
  ASSERT_EQ(months->size(), 2u);
  EXPECT_EQ((*months)[0].key, "2026-12");
  EXPECT_EQ((*months)[0].name, "2026-12");
  EXPECT_EQ((*months)[0].count, 2);
  EXPECT_EQ((*months)[0].updated_at, 9000);
  EXPECT_EQ((*months)[1].key, "2027-01");
  EXPECT_EQ((*months)[1].count, 2);
  EXPECT_EQ((*months)[1].updated_at, 4000);

  auto tags = this->b.articles.PublishedGroups(content::ArticleGrouping::kTag);
  ASSERT_TRUE(tags);
  ASSERT_EQ(tags->size(), 2u) << "a draft's tag is in no group";
  EXPECT_EQ((*tags)[0].key, "harbour");
  EXPECT_EQ((*tags)[0].name, "Harbour");
  EXPECT_EQ((*tags)[0].count, 2);
  EXPECT_EQ((*tags)[0].updated_at, 9000);
  EXPECT_EQ((*tags)[1].key, "sport");
  EXPECT_EQ((*tags)[1].count, 2);

  auto authors = this->b.articles.PublishedGroups(content::ArticleGrouping::kAuthor);
  ASSERT_TRUE(authors);
  ASSERT_EQ(authors->size(), 3u) << "every co-author, by slug";
  EXPECT_EQ((*authors)[0].key, "ann-author");
  EXPECT_EQ((*authors)[0].name, "Ann Author");
  EXPECT_EQ((*authors)[0].count, 3);
  EXPECT_EQ((*authors)[1].key, "bo-writer");
  EXPECT_EQ((*authors)[1].updated_at, 9000);
  EXPECT_EQ((*authors)[2].key, "cy-draft");
  EXPECT_EQ((*authors)[2].count, 1) << "their draft is not counted";
}

}  // namespace
}  // namespace gazette::storage::contract
