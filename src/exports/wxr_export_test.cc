// The WXR export over the in-memory twins: well-formed, and every field where WordPress reads it.
#include "exports/wxr_export.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <sstream>

#include "testing/memory_article_repository.h"
#include "testing/memory_comment_repository.h"
#include "testing/memory_database.h"
#include "testing/memory_editorial_repository.h"
#include "testing/memory_media_repository.h"

namespace gazette::exports {
namespace {

constexpr UnixTime kNow = 1'800'000'000;

class WxrExportTest : public ::testing::Test {
 protected:
  content::Article Add(const std::string& title, content::ArticleStatus status, std::vector<content::Author> authors,
                       std::vector<content::Tag> tags, UnixTime published_at,
                       content::ArticleKind kind = content::ArticleKind::kArticle, std::string slug = "") {
    content::NewArticle a;
    a.kind = kind;
    a.slug = slug.empty() ? text_slug(title) : slug;
    a.title = title;
    a.markdown = title + " & more";
    a.html = "<p>" + title + " &amp; <a href=\"/about/\">more</a></p>\n";
    a.excerpt = title + " & more";
    a.authors = std::move(authors);
    a.author = a.authors.front().name;
    a.tags = std::move(tags);
    a.status = status;
    a.published_at = published_at;
    a.created_at = published_at ? published_at - 60 : kNow - 600;
    auto r = articles_.Insert(a);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }

  comments::Comment Comment(content::ArticleId article, std::optional<comments::CommentId> parent,
                            comments::CommentStatus status, UnixTime at) {
    comments::Comment c;
    c.article_id = article;
    c.parent_id = parent;
    c.name = "Reader <" + std::to_string(at) + ">";
    c.email = "reader@example.org";
    c.website = "https://reader.example/";
    c.body = "Well said & true";
    c.status = status;
    c.created_at = at;
    c.ip = "192.0.2.7";
    auto r = comments_.Insert(c);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }

  static std::string text_slug(const std::string& title) {
    std::string s;
    for (char c : title) s += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  std::string Export(const content::SiteSettings& site) {
    accounts::User ann;
    ann.name = "Ann Lee";
    ann.email = "ann@example.org";
    WxrSources sources{site, articles_, comments_, media_, editorial_, {ann}, kNow};
    std::ostringstream out;
    auto counts = WriteWxr(sources, out);
    EXPECT_TRUE(counts) << counts.error().message;
    if (counts) counts_ = *counts;
    return out.str();
  }

  testing::MemoryDatabase db_;
  testing::MemoryArticleRepository articles_{db_};
  testing::MemoryCommentRepository comments_{db_};
  testing::MemoryEditorialRepository editorial_{db_};
  testing::MemoryMediaRepository media_{db_};
  WxrCounts counts_;
};

// The strings an XPath expression selects in the document.
std::vector<std::string> Select(const std::string& xml, const char* xpath) {
  std::vector<std::string> out;
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8", XML_PARSE_NONET);
  if (!doc) return {"<not well-formed>"};
  xmlXPathContext* ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "wp", BAD_CAST "http://wordpress.org/export/1.2/");
  xmlXPathRegisterNs(ctx, BAD_CAST "content", BAD_CAST "http://purl.org/rss/1.0/modules/content/");
  xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathObject* result = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
  if (result && result->nodesetval) {
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
  }
  xmlXPathFreeObject(result);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return out;
}

using Strings = std::vector<std::string>;

TEST_F(WxrExportTest, ChannelAuthorsAndTerms) {
  const content::Author ann{0, "Ann Lee", "ann-lee"}, bo{0, "Bo Chen", "bo-chen"};
  Add("Pier reopens", content::ArticleStatus::kPublished, {ann, bo}, {{0, "Harbour", "harbour"}}, kNow - 3600);
  content::SiteSettings site;
  site.title = "The Cove <Gazette>";
  site.url = "https://cove.example";
  site.sections = {{0, "Harbour", "harbour"}};
  const std::string xml = Export(site);
  EXPECT_EQ(Select(xml, "/rss/channel/title"), Strings{"The Cove <Gazette>"});
  EXPECT_EQ(Select(xml, "/rss/channel/wp:wxr_version"), Strings{"1.2"});
  EXPECT_EQ(Select(xml, "/rss/channel/wp:base_site_url"), Strings{"https://cove.example"});
  EXPECT_EQ(Select(xml, "/rss/channel/wp:author/wp:author_login"), (Strings{"ann-lee", "bo-chen"}));
  EXPECT_EQ(Select(xml, "/rss/channel/wp:author/wp:author_email"), (Strings{"ann@example.org", ""}));
  EXPECT_EQ(Select(xml, "/rss/channel/wp:tag/wp:tag_slug"), Strings{"harbour"});
  EXPECT_EQ(Select(xml, "/rss/channel/wp:category/wp:cat_name"), Strings{"Harbour"});
  EXPECT_EQ(Select(xml, "//item/category[@domain='post_tag']/@nicename"), Strings{"harbour"});
  EXPECT_EQ(Select(xml, "//item/category[@domain='category']/@nicename"), Strings{"harbour"});
  EXPECT_EQ(Select(xml, "//item/dc:creator"), Strings{"ann-lee"});
  EXPECT_EQ(counts_.authors, 2);
  EXPECT_EQ(counts_.posts, 1);
}

TEST_F(WxrExportTest, ItemsCarryStatusDatesContentAndThreadedComments) {
  const content::Author ann{0, "Ann Lee", "ann-lee"};
  auto published = Add("Tide tables", content::ArticleStatus::kPublished, {ann}, {}, 1'700'000'000);
  auto draft = Add("Unfinished", content::ArticleStatus::kDraft, {ann}, {}, 0);
  auto scheduled = Add("Later", content::ArticleStatus::kDraft, {ann}, {}, 0);
  ASSERT_TRUE(editorial_.Schedule(scheduled.id, kNow + 86400));
  auto first = Comment(published.id, std::nullopt, comments::CommentStatus::kApproved, kNow - 300);
  auto reply = Comment(published.id, first.id, comments::CommentStatus::kPending, kNow - 200);
  Comment(published.id, std::nullopt, comments::CommentStatus::kSpam, kNow - 100);
  content::SiteSettings site;
  site.url = "https://cove.example";
  const std::string xml = Export(site);
  EXPECT_EQ(Select(xml, "//item/wp:status"), (Strings{"publish", "draft", "future"}));
  EXPECT_EQ(Select(xml, "//item/wp:post_type"), (Strings{"post", "post", "post"}));
  EXPECT_EQ(Select(xml, "//item[1]/wp:post_date_gmt"), Strings{"2023-11-14 22:13:20"});
  EXPECT_EQ(Select(xml, "//item[1]/link"), Strings{"https://cove.example/2023/11/14/tide-tables/"});
  EXPECT_EQ(Select(xml, "//item[1]/guid"), Strings{"https://cove.example/?p=" + std::to_string(published.id)});
  EXPECT_EQ(Select(xml, "//item[1]/content:encoded"),
            Strings{"<p>Tide tables &amp; <a href=\"https://cove.example/about/\">more</a></p>\n"});
  EXPECT_EQ(Select(xml, "//item[1]/wp:comment/wp:comment_approved"), (Strings{"1", "0", "spam"}));
  EXPECT_EQ(Select(xml, "//item[1]/wp:comment/wp:comment_parent"),
            (Strings{"0", std::to_string(first.id), "0"}));
  EXPECT_EQ(Select(xml, "//item[1]/wp:comment[2]/wp:comment_id"), Strings{std::to_string(reply.id)});
  EXPECT_EQ(Select(xml, "//item[1]/wp:comment[1]/wp:comment_author"), Strings{first.name});
  EXPECT_EQ(Select(xml, "//item[1]/wp:comment[1]/wp:comment_author_IP"), Strings{"192.0.2.7"});
  EXPECT_EQ(Select(xml, "//item[2]/wp:post_id"), Strings{std::to_string(draft.id)});
  EXPECT_EQ(counts_.comments, 3);
}

TEST_F(WxrExportTest, PagesAreNestedByTheirPath) {
  const content::Author ann{0, "Ann Lee", "ann-lee"};
  Add("Pier reopens", content::ArticleStatus::kPublished, {ann}, {}, kNow - 3600);
  auto about = Add("About us", content::ArticleStatus::kPublished, {ann}, {}, kNow - 7200, content::ArticleKind::kPage,
                   "about");
  Add("The team", content::ArticleStatus::kPublished, {ann}, {}, kNow - 7000, content::ArticleKind::kPage, "about/team");
  content::SiteSettings site;
  site.url = "https://cove.example";
  const std::string xml = Export(site);
  EXPECT_EQ(Select(xml, "//item/wp:post_type"), (Strings{"post", "page", "page"}));
  EXPECT_EQ(Select(xml, "//item[wp:post_type='page']/wp:post_name"), (Strings{"about", "team"}));
  EXPECT_EQ(Select(xml, "//item[wp:post_type='page']/wp:post_parent"), (Strings{"0", std::to_string(about.id)}));
  EXPECT_EQ(Select(xml, "//item[wp:post_type='page']/link"),
            (Strings{"https://cove.example/about/", "https://cove.example/about/team/"}));
  EXPECT_EQ(counts_.posts, 1);
  EXPECT_EQ(counts_.pages, 2);
}

}  // namespace
}  // namespace gazette::exports
