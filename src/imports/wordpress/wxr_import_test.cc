#include "imports/wordpress/wxr_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "imports/wordpress/wxr_context.h"
#include "testing/fake_clock.h"
#include "testing/memory_account_repository.h"
#include "testing/memory_article_repository.h"
#include "testing/memory_comment_repository.h"
#include "testing/memory_database.h"
#include "testing/memory_editorial_repository.h"
#include "testing/memory_import_ledger.h"
#include "testing/memory_redirect_repository.h"

namespace gazette::imports::wordpress {
namespace {
namespace fs = std::filesystem;

const char* kExport = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old Times</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_login>amira</wp:author_login><wp:author_email>amira@old.example</wp:author_email>
<wp:author_display_name>Amira Haddad</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:cat_name>World</wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>europe</wp:category_nicename>
<wp:category_parent>world</wp:category_parent><wp:cat_name>Europe</wp:cat_name></wp:category>
<item><title>Summit ends</title><link>https://old.example/2020/01/summit-ends/</link><dc:creator>amira</dc:creator>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>The summit <strong>ended</strong>.</p><!-- /wp:paragraph -->]]></content:encoded>
<wp:post_id>10</wp:post_id><wp:post_date>2020-01-02 05:00:00</wp:post_date><wp:post_date_gmt>2020-01-02 04:00:00</wp:post_date_gmt>
<wp:post_name>summit-ends</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="europe">Europe</category><category domain="post_tag" nicename="summits">Summits</category>
<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key><wp:meta_value>summit-talks</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>Ann</wp:comment_author><wp:comment_content>First &amp; <b>best</b></wp:comment_content>
<wp:comment_date_gmt>2020-01-03 00:00:00</wp:comment_date_gmt><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Cy</wp:comment_author><wp:comment_content>Reply to a reply</wp:comment_content>
<wp:comment_approved>0</wp:comment_approved><wp:comment_parent>6</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>6</wp:comment_id><wp:comment_author>Bo</wp:comment_author><wp:comment_content>Reply</wp:comment_content>
<wp:comment_approved>spam</wp:comment_approved><wp:comment_parent>5</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_author>Blog</wp:comment_author><wp:comment_content>Linked</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item>
<item><title>About &amp;amp; &lt;em&gt;us&lt;/em&gt;</title><link>https://old.example/about/</link><dc:creator>amira</dc:creator>
<content:encoded><![CDATA[We are a paper.]]></content:encoded><wp:post_id>20</wp:post_id>
<wp:post_date_gmt>2019-05-01 00:00:00</wp:post_date_gmt><wp:post_name>about</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>page</wp:post_type></item>
<item><title>Coming soon</title><content:encoded>Later</content:encoded><wp:post_id>30</wp:post_id>
<wp:post_date_gmt>2030-01-01 00:00:00</wp:post_date_gmt><wp:post_name>coming-soon</wp:post_name><wp:status>future</wp:status>
<wp:post_type>post</wp:post_type></item>
<item><title>Binned</title><content:encoded>x</content:encoded><wp:post_id>40</wp:post_id><wp:status>trash</wp:status>
<wp:post_type>post</wp:post_type></item>
<item><title></title><wp:post_id>51</wp:post_id><wp:status>publish</wp:status><wp:menu_order>2</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type><category domain="nav_menu" nicename="main">Main</category><wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>post_type</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>page</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>20</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta></item>
<item><title></title><wp:post_id>50</wp:post_id><wp:status>publish</wp:status><wp:menu_order>1</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type><category domain="nav_menu" nicename="main">Main</category><wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>taxonomy</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>category</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>3</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta></item>
<item><title>Shop</title><wp:post_id>52</wp:post_id><wp:status>publish</wp:status><wp:menu_order>3</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type><category domain="nav_menu" nicename="main">Main</category><wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>custom</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>custom</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>52</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_url</wp:meta_key><wp:meta_value>https://shop.example/</wp:meta_value></wp:postmeta></item>
<item><title>Deep</title><wp:post_id>53</wp:post_id><wp:status>publish</wp:status><wp:menu_order>4</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type><category domain="nav_menu" nicename="main">Main</category><wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>taxonomy</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>category</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>2</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>50</wp:meta_value></wp:postmeta></item>
<item><title>Elsewhere</title><wp:post_id>54</wp:post_id><wp:status>publish</wp:status><wp:menu_order>1</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type><category domain="nav_menu" nicename="footer">Footer</category><wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>taxonomy</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>category</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>2</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta></item>
<item><title>Shelved</title><wp:post_id>60</wp:post_id><wp:status>publish</wp:status><wp:post_type>wp_block</wp:post_type></item>
</channel></rss>
)";

class WxrImportTest : public ::testing::Test {
 protected:
  WxrImportTest()
      : articles_(db_), comments_(db_), editorial_(db_), users_(db_), redirects_(db_), service_(articles_, clock_) {
    path_ = (fs::temp_directory_path() / ("wxr_import_" + std::to_string(::getpid()) + ".xml")).string();
    std::ofstream(path_) << kExport;
  }
  ~WxrImportTest() override { fs::remove(path_); }

  WxrImportSummary Import(WxrImportOptions options = {}) {
    WxrTargets targets{service_, articles_, comments_, editorial_, users_, ledger_, clock_, &redirects_};
    auto summary = ImportWxr(targets, path_, options, [](std::size_t, std::size_t) {});
    EXPECT_TRUE(summary) << summary.error().message;
    return summary ? *summary : WxrImportSummary{};
  }

  testing::FakeClock clock_{1700000000};
  testing::MemoryDatabase db_;
  testing::MemoryArticleRepository articles_;
  testing::MemoryCommentRepository comments_;
  testing::MemoryEditorialRepository editorial_;
  testing::MemoryUserRepository users_;
  testing::MemoryRedirectRepository redirects_;
  testing::MemoryImportLedger ledger_;
  content::ArticleService service_;
  std::string path_;
};

TEST_F(WxrImportTest, ImportsPostsPagesAuthorsTermsAndComments) {
  const WxrImportSummary s = Import();
  EXPECT_EQ(s.posts.imported, 2);
  EXPECT_EQ(s.posts.skipped, 1);  // the trash
  EXPECT_EQ(s.pages.imported, 1);
  EXPECT_EQ(s.users.imported, 1);
  EXPECT_EQ(s.comments.imported, 4);
  EXPECT_EQ(s.post_types_skipped.at("wp_block"), 1);
  ASSERT_EQ(s.skipped.size(), 2u);

  auto post = articles_.FindBySlug("summit-ends");
  ASSERT_TRUE(post);
  EXPECT_TRUE(post->IsPublished());
  EXPECT_EQ(post->published_at, 1577937600);  // the GMT date
  EXPECT_EQ(post->author, "Amira Haddad");
  EXPECT_NE(post->markdown.find("**ended**"), std::string::npos) << post->markdown;
  ASSERT_EQ(post->tags.size(), 3u);  // the category, its parent, the tag
  EXPECT_EQ(post->tags[0].slug, "europe");
  EXPECT_EQ(post->tags[1].slug, "world");
  EXPECT_EQ(post->tags[2].slug, "summits");

  auto page = articles_.FindBySlug("about");
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->IsPage());
  EXPECT_EQ(page->title, "About & us");  // WordPress keeps titles as HTML
  auto scheduled = articles_.FindBySlug("coming-soon");
  ASSERT_TRUE(scheduled);
  EXPECT_FALSE(scheduled->IsPublished());
  EXPECT_EQ(editorial_.Schedules()->at(scheduled->id), 1893456000);

  auto user = users_.FindByEmail("amira@old.example");
  ASSERT_TRUE(user);
  EXPECT_TRUE(user->disabled);
  EXPECT_TRUE(user->password_hash.empty());
  EXPECT_EQ(user->role, accounts::Role::kAuthor);
}

TEST_F(WxrImportTest, KeepsThreadingAndStatusOfComments) {
  Import();
  auto all = comments_.List(std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 4u);
  std::map<std::string, comments::Comment> by_name;
  for (const auto& c : *all) by_name[c.name] = c;
  EXPECT_EQ(by_name["Ann"].body, "First & best");
  EXPECT_EQ(by_name["Ann"].status, comments::CommentStatus::kApproved);
  EXPECT_EQ(by_name["Bo"].status, comments::CommentStatus::kSpam);
  EXPECT_EQ(by_name["Bo"].parent_id, by_name["Ann"].id);
  EXPECT_EQ(by_name["Cy"].status, comments::CommentStatus::kPending);
  EXPECT_EQ(by_name["Cy"].parent_id, by_name["Bo"].id);  // listed before its parent, still under it
  EXPECT_EQ(by_name["Ann"].created_at, 1578009600);
}

TEST_F(WxrImportTest, LeavesPingsOutWhenAsked) {
  WxrImportOptions options;
  options.skip_pings = true;
  const WxrImportSummary s = Import(options);
  EXPECT_EQ(s.comments.imported, 3);
  EXPECT_EQ(s.pings_left_out, 1);
}

TEST_F(WxrImportTest, KeepsOldAddressesAsRedirects) {
  Import();
  auto post = articles_.FindBySlug("summit-ends");
  auto page = articles_.FindBySlug("about");
  auto find = [&](const std::string& from) { return *redirects_.Find(from); };
  ASSERT_TRUE(find("/?p=10"));
  EXPECT_EQ(find("/?p=10")->article, post->id);
  ASSERT_TRUE(find("/2020/01/summit-ends/"));
  EXPECT_EQ(find("/2020/01/summit-ends/")->article, post->id);
  ASSERT_TRUE(find("/2020/01/summit-talks/"));  // _wp_old_slug
  ASSERT_TRUE(find("/?page_id=20"));
  EXPECT_EQ(find("/?page_id=20")->article, page->id);
  ASSERT_TRUE(find("/category/world/europe/"));
  EXPECT_EQ(find("/category/world/europe/")->to, "/tag/europe/");
  EXPECT_FALSE(find("/tag/summits/"));  // the same address on Gazette: no loop
}

TEST_F(WxrImportTest, ASecondRunChangesNothing) {
  Import();
  const std::size_t redirects = redirects_.List()->size();
  const WxrImportSummary again = Import();
  EXPECT_FALSE(again.Changed());
  EXPECT_EQ(again.posts.unchanged, 2);
  EXPECT_EQ(again.pages.unchanged, 1);
  EXPECT_EQ(again.comments.unchanged, 4);
  EXPECT_EQ(again.users.unchanged, 1);
  EXPECT_EQ(comments_.List(std::nullopt)->size(), 4u);
  EXPECT_EQ(redirects_.List()->size(), redirects);
}

TEST_F(WxrImportTest, UpdatesAPostThatChangedOnTheOldSite) {
  Import();
  auto post = articles_.FindBySlug("summit-ends");
  ASSERT_TRUE(service_.Update(post->id, content::ArticleEdit{.title = std::string("Edited here")}));
  const WxrImportSummary again = Import();
  EXPECT_EQ(again.posts.updated, 1);
  EXPECT_EQ(articles_.FindById(post->id)->title, "Summit ends");
}

TEST(CommentTextTest, KeepsTextAndLineBreaks) {
  EXPECT_EQ(CommentText("<p>One</p><p>Two &lt;3</p>"), "One\n\nTwo <3");
  EXPECT_EQ(CommentText("a < b and c > d"), "a < b and c > d");
  EXPECT_EQ(CommentText("line<br>next"), "line\nnext");
}

TEST_F(WxrImportTest, TheMenuBecomesSectionsAndFooterLinks) {
  auto permalink = content::Permalink::Parse("/{yyyy}/{slug}/");
  ASSERT_TRUE(permalink);
  WxrTargets targets{service_, articles_, comments_, editorial_, users_, ledger_, clock_, &redirects_, nullptr,
                     &*permalink};
  auto s = ImportWxr(targets, path_, {}, [](std::size_t, std::size_t) {});
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->menu.name, "Main");  // the menu with the most items
  EXPECT_EQ(s->menu.sections, std::vector<std::string>{"Europe"});
  ASSERT_EQ(s->menu.links.size(), 1u);
  EXPECT_EQ(s->menu.links[0].label, "About & us");  // no label of its own: the page's title
  EXPECT_EQ(s->menu.links[0].href, "/about/");
  ASSERT_EQ(s->menu.left_out.size(), 3u);  // the other menu, the custom link, the sub-item
  EXPECT_NE(s->menu.left_out[0].find("Footer"), std::string::npos);
  EXPECT_NE(s->menu.left_out[1].find("https://shop.example/"), std::string::npos);
  EXPECT_NE(s->menu.left_out[2].find("sub-item"), std::string::npos);
  EXPECT_EQ(s->top_categories, std::vector<std::string>{"World"});
}

}  // namespace
}  // namespace gazette::imports::wordpress
