// Renders the real default theme with hostile values to check that escaping holds.
#include "themes/renderer.h"

#include <gtest/gtest.h>

namespace gazette::themes {
namespace {

class RendererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = Renderer::Load(std::string(GAZETTE_SOURCE_DIR) + "/themes/default");
    ASSERT_TRUE(r) << r.error().message;
    renderer = std::move(*r);
    article.id = 3;
    article.slug = "a";
    article.title = "Pay <b>rise</b> & \"more\"";
    article.html = "<p>Body</p>";
    article.excerpt = "Body";
    article.author = "Staff";
    article.status = content::ArticleStatus::kPublished;
    article.published_at = 1100000000;
    article.tags = {content::Tag{1, "cyber agreement", "cyber-agreement"}};
  }
  std::unique_ptr<Renderer> renderer;
  content::SiteSettings site;
  content::Permalink permalink = *content::Permalink::Parse(content::kDefaultPermalink);
  content::Article article;
};

TEST_F(RendererTest, ArticlePageHasEveryPartInOrder) {
  ArticlePage page;
  page.article = &article;
  comments::Comment c;
  c.id = 9;
  c.name = "<img src=x onerror=alert(1)>";
  c.email = "secret@example.org";
  c.website = "https://example.org/\"><script>";
  c.body = "<script>alert(1)</script>";
  page.comments.push_back(c);
  const std::string html = renderer->Article(site, permalink, page);
  const auto h1 = html.find("<h1>Pay &lt;b&gt;rise&lt;/b&gt; &amp; &quot;more&quot;</h1>");
  const auto tag = html.find(">cyber agreement</a>");
  const auto time = html.find("<time datetime=\"2004-11-09T11:33:20Z\">");
  const auto body = html.find("<p>Body</p>");
  const auto comments = html.find("Show Comments (1)");
  const auto note = html.find("Your email address will not be published. Required fields are marked *");
  ASSERT_NE(h1, std::string::npos);
  EXPECT_LT(h1, tag);
  EXPECT_LT(tag, time);
  EXPECT_LT(time, body);
  EXPECT_LT(body, comments);
  EXPECT_LT(comments, note);
  EXPECT_NE(note, std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("secret@example.org"), std::string::npos);
  EXPECT_EQ(html.find("\"><script>"), std::string::npos);
}

TEST_F(RendererTest, KeepsTheVisitorsTextAndShowsFieldErrors) {
  ArticlePage page;
  page.article = &article;
  page.form.comment = "my </textarea><script>x</script> text";
  page.form.field_errors["email"] = "This does not look like an email address.";
  const std::string html = renderer->Article(site, permalink, page);
  EXPECT_NE(html.find("my &lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt; text</textarea>"), std::string::npos);
  EXPECT_NE(html.find("id=\"email-error\""), std::string::npos);
  EXPECT_NE(html.find("aria-invalid=\"true\""), std::string::npos);
}

TEST_F(RendererTest, RelatedBlockShowsShortExcerpts) {
  ArticlePage page;
  page.article = &article;
  content::ArticleSummary s;
  s.id = 4;
  s.slug = "b";
  s.title = "Other";
  s.published_at = 1100000000;
  s.excerpt = std::string(50, 'x') + " " + std::string(30, 'y') + " " + std::string(30, 'z');
  page.related.push_back(s);
  const std::string html = renderer->Article(site, permalink, page);
  EXPECT_NE(html.find("You May Also Like"), std::string::npos);
  EXPECT_NE(html.find(std::string(50, 'x') + " " + std::string(30, 'y') + "..."), std::string::npos);
}

TEST_F(RendererTest, CardShowsItsImageAboveTheHeadlineAndACardWithoutOneShowsNone) {
  content::ArticleList list;
  for (int i = 1; i <= 2; ++i) {
    content::ArticleSummary s;
    s.id = i;
    s.slug = "story-" + std::to_string(i);
    s.title = "Story " + std::to_string(i);
    s.published_at = 1100000000;
    list.items.push_back(s);
  }
  list.total = 2;
  const std::string picture = "<picture><img src=\"/media/boat-480.jpg\" alt=\"A boat\"></picture>";
  ListPage page{"", "", &list, "/", {SafeHtml::Trusted(picture), SafeHtml()}};
  const std::string html = renderer->List(site, permalink, page);
  const auto first = html.find("<article class=\"card has-image\">");
  const auto image = html.find(picture);
  const auto headline = html.find(">Story 1</a></h2>");
  const auto second = html.find("<article class=\"card\">");
  ASSERT_NE(first, std::string::npos) << html;
  EXPECT_LT(first, image);
  EXPECT_LT(image, headline);
  EXPECT_LT(headline, second);
  ASSERT_NE(second, std::string::npos) << html;
  EXPECT_EQ(html.find("<picture>", second), std::string::npos) << "the card without an image shows none";
  EXPECT_EQ(html.find("card-image", second), std::string::npos);
  EXPECT_NE(html.find(">Story 2</a></h2>", second), std::string::npos);

  // No images at all (a list from before any were set): text-only cards.
  ListPage plain{"", "", &list, "/", {}};
  EXPECT_EQ(renderer->List(site, permalink, plain).find("<picture>"), std::string::npos);
}

TEST_F(RendererTest, ArticleHeadTellsSearchEnginesAndLinkPreviews) {
  ArticlePage page;
  page.article = &article;
  page.share_image = ShareImage{"/media/boat-1600.jpg", 1600, 900, "A \"boat\""};
  page.schema_images = {"/media/boat-16x9-1200.jpg"};
  const std::string html = renderer->Article(site, permalink, page);
  EXPECT_NE(html.find("<meta name=\"robots\" content=\"max-image-preview:large\">"), std::string::npos);
  EXPECT_NE(html.find("<meta property=\"og:type\" content=\"article\">"), std::string::npos);
  EXPECT_NE(html.find("<meta property=\"og:image:alt\" content=\"A &quot;boat&quot;\">"), std::string::npos);
  EXPECT_NE(html.find("<meta property=\"article:section\" content=\"cyber agreement\">"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"twitter:card\" content=\"summary_large_image\">"), std::string::npos);
  EXPECT_NE(html.find("<script type=\"application/ld+json\">{\"@context\""), std::string::npos);
  EXPECT_NE(html.find("\"headline\":\"Pay \\u003cb\\u003erise\\u003c/b\\u003e \\u0026 \\\"more\\\"\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("\"BreadcrumbList\""), std::string::npos);
  page.personal = true;
  EXPECT_NE(renderer->Article(site, permalink, page).find("<meta name=\"robots\" content=\"noindex\">"),
            std::string::npos);
}

TEST_F(RendererTest, PagedListsLinkTheirNeighboursAndOnlyTheFirstHomePageDescribesTheSite) {
  content::ArticleList list;
  list.page = 2;
  list.total_pages = 3;
  ListPage page{"", "", &list, "/", {}};
  const std::string html = renderer->List(site, permalink, page);
  EXPECT_NE(html.find("<link rel=\"canonical\" href=\"http://127.0.0.1:8080/page/2/\">"), std::string::npos);
  EXPECT_NE(html.find("<link rel=\"prev\" href=\"http://127.0.0.1:8080/\">"), std::string::npos);
  EXPECT_NE(html.find("<link rel=\"next\" href=\"http://127.0.0.1:8080/page/3/\">"), std::string::npos);
  EXPECT_NE(html.find("<meta property=\"og:type\" content=\"website\">"), std::string::npos);
  EXPECT_EQ(html.find("application/ld+json"), std::string::npos);
  list.page = 1;
  const std::string first = renderer->List(site, permalink, page);
  EXPECT_EQ(first.find("rel=\"prev\""), std::string::npos);
  EXPECT_NE(first.find("\"@type\":\"WebSite\""), std::string::npos);
  EXPECT_NE(first.find("\"@type\":\"Organization\""), std::string::npos);
}

TEST_F(RendererTest, ErrorAndSearchPagesAreNotIndexed) {
  EXPECT_NE(renderer->Error(site, 404, "Page not found", "No page").find("<meta name=\"robots\" content=\"noindex\">"),
            std::string::npos);
}

}  // namespace
}  // namespace gazette::themes
