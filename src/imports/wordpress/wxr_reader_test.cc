#include "imports/wordpress/wxr_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace gazette::imports::wordpress {
namespace {
namespace fs = std::filesystem;

class WxrReaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& xml) {
    const fs::path p = fs::temp_directory_path() / ("wxr_reader_" + std::to_string(::getpid()) + "_" +
                                                   std::to_string(files_.size()) + ".xml");
    std::ofstream(p) << xml;
    files_.push_back(p);
    return p.string();
  }
  void TearDown() override {
    for (const auto& f : files_) fs::remove(f);
  }
  // Every record of the file, or the first error.
  Result<std::vector<WxrRecord>> ReadAll(const std::string& xml, WxrLimits limits = {}) {
    auto reader = WxrReader::Open(Write(xml), limits);
    if (!reader) return reader.error();
    std::vector<WxrRecord> out;
    for (;;) {
      auto r = (*reader)->Next();
      if (!r) return r.error();
      if (!*r) return out;
      out.push_back(std::move(**r));
    }
  }
  std::vector<fs::path> files_;
};

std::string Export(const std::string& scheme, const std::string& version, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:excerpt=\"" + scheme +
         "://wordpress.org/export/" + version + "/excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"" + scheme + "://wordpress.org/export/" + version +
         "/\">\n<channel><title>Old</title><link>https://old.example</link><wp:wxr_version>" + version +
         "</wp:wxr_version><wp:base_blog_url>https://old.example</wp:base_blog_url>\n" + body + "</channel></rss>\n";
}

const char* kItem = R"(<wp:author><wp:author_login>amira</wp:author_login><wp:author_email>a@x.org</wp:author_email>
<wp:author_display_name><![CDATA[Amira Haddad]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name>World</wp:cat_name></wp:category>
<item><title>Hello &amp; welcome</title><link>https://old.example/2020/01/hello/</link>
<dc:creator>amira</dc:creator><content:encoded><![CDATA[<p>Body</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Short]]></excerpt:encoded><wp:post_id>12</wp:post_id>
<wp:post_date_gmt>2020-01-02 03:04:05</wp:post_date_gmt><wp:post_name>hello</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>1</wp:is_sticky>
<category domain="category" nicename="world"><![CDATA[World]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>40</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
<wp:comment_content>Nice</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_approved>spam</wp:comment_approved>
<wp:comment_parent>7</wp:comment_parent></wp:comment></item>
)";

TEST_F(WxrReaderTest, ReadsEveryRecordWithHttpAndHttpsNamespaces) {
  for (const std::string scheme : {"http", "https"}) {
    auto records = ReadAll(Export(scheme, "1.2", kItem));
    ASSERT_TRUE(records) << records.error().message;
    ASSERT_EQ(records->size(), 4u);
    const auto& site = std::get<WxrSite>((*records)[0]);
    EXPECT_EQ(site.title, "Old");
    EXPECT_EQ(site.base_blog_url, "https://old.example");
    EXPECT_EQ(std::get<WxrAuthor>((*records)[1]).display_name, "Amira Haddad");
    EXPECT_EQ(std::get<WxrTerm>((*records)[2]).slug, "world");
    const auto& item = std::get<WxrItem>((*records)[3]);
    EXPECT_EQ(item.title, "Hello & welcome");
    EXPECT_EQ(item.post_id, 12);
    EXPECT_EQ(item.excerpt, "Short");
    EXPECT_TRUE(item.sticky);
    EXPECT_EQ(item.Meta("_thumbnail_id"), "40");
    ASSERT_EQ(item.terms.size(), 1u);
    EXPECT_EQ(item.terms[0].domain, "category");
    ASSERT_EQ(item.comments.size(), 2u);
    EXPECT_EQ(item.comments[1].parent, 7);
    EXPECT_EQ(item.comments[1].approved, "spam");
  }
}

TEST_F(WxrReaderTest, AcceptsVersions10To12AndRefusesOthers) {
  for (const std::string v : {"1.0", "1.1", "1.2"}) EXPECT_TRUE(ReadAll(Export("http", v, kItem))) << v;
  auto refused = ReadAll(Export("http", "2.0", kItem));
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("WXR version \"2.0\""), std::string::npos) << refused.error().message;
  auto none = ReadAll("<rss><channel><title>x</title></channel></rss>");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("wxr_version"), std::string::npos);
}

TEST_F(WxrReaderTest, RefusesExternalEntities) {
  auto r = ReadAll("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
                   Export("http", "1.2", "<item><title>&xxe;</title></item>").substr(39));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("DOCTYPE"), std::string::npos) << r.error().message;
}

TEST_F(WxrReaderTest, RefusesEntityExpansion) {
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string refs;
    for (int i = 0; i < 10; ++i) refs += std::string("&") + static_cast<char>(c - 1) + ";";
    laughs += std::string("<!ENTITY ") + c + " \"" + refs + "\">";
  }
  laughs += "]>\n<rss><channel><wp:wxr_version xmlns:wp=\"http://wordpress.org/export/1.2/\">1.2</wp:wxr_version>"
            "<item><title>&j;</title></item></channel></rss>";
  auto r = ReadAll(laughs);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("DOCTYPE"), std::string::npos) << r.error().message;
}

TEST_F(WxrReaderTest, RefusesMalformedXmlWithItsLine) {
  auto r = ReadAll(Export("http", "1.2", "<item>\n<title>Broken</titel>\n</item>\n"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("line 5: Opening and ending tag mismatch"), std::string::npos) << r.error().message;
}

TEST_F(WxrReaderTest, RefusesAFileOverTheLimitBeforeReadingIt) {
  auto r = ReadAll(Export("http", "1.2", kItem), WxrLimits{100});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("--max-bytes"), std::string::npos);
  EXPECT_EQ(WxrReader::Open("/nonexistent/x.xml").error().code, ErrorCode::kNotFound);
}

TEST_F(WxrReaderTest, RefusesADocumentThatIsNotRss) {
  auto r = ReadAll("<feed><entry/></feed>");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("root is <feed>"), std::string::npos);
}

TEST(ParseWpDateTest, ReadsWordPressDates) {
  EXPECT_EQ(ParseWpDate("2020-01-02 03:04:05"), 1577934245);
  EXPECT_EQ(ParseWpDate(" 2020-01-02 "), 1577923200);
  EXPECT_FALSE(ParseWpDate("0000-00-00 00:00:00"));
  EXPECT_FALSE(ParseWpDate("2020-02-30 00:00:00"));
  EXPECT_FALSE(ParseWpDate("yesterday"));
}

TEST(WxrCorpusTest, StreamsTheThemeTestExport) {
  const char* env = std::getenv("GAZETTE_SOURCE_DIR");
  const fs::path file = fs::path(env ? env : GAZETTE_SOURCE_DIR) / ".." / "shared" / "corpora" / "wxr" /
                        "64-block-test-data.xml";
  if (!fs::exists(file)) GTEST_SKIP() << "corpus absent: " << file;
  auto reader = WxrReader::Open(file.string());
  ASSERT_TRUE(reader);
  int items = 0, comments = 0;
  for (;;) {
    auto r = (*reader)->Next();
    ASSERT_TRUE(r) << r.error().message;
    if (!*r) break;
    if (auto* item = std::get_if<WxrItem>(&**r)) {
      ++items;
      comments += static_cast<int>(item->comments.size());
      EXPECT_GT(item->post_id, 0) << item->title;
    }
  }
  EXPECT_EQ(items, 72);
  EXPECT_EQ(comments, 2);
}

}  // namespace
}  // namespace gazette::imports::wordpress
