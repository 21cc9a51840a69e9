// The static export's pure parts: where addresses go, what a re-run deletes, the nginx map, and
// the file tree's compare-before-write.
#include <gtest/gtest.h>

#include <filesystem>

#include "exports/comment_form.h"
#include "exports/file_tree.h"
#include "exports/nginx_map.h"
#include "exports/static_layout.h"
#include "exports/static_manifest.h"

namespace gazette::exports {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

TEST(StaticLayoutTest, PrettyAddressesBecomeFolderIndexes) {
  EXPECT_EQ(FilePathFor("/", kHtml), "index.html");
  EXPECT_EQ(FilePathFor("/2018/01/05/slug/", kHtml), "2018/01/05/slug/index.html");
  EXPECT_EQ(FilePathFor("/tag/news/page/2/", kHtml), "tag/news/page/2/index.html");
  EXPECT_EQ(FilePathFor("/search", kHtml), "search/index.html");
}

TEST(StaticLayoutTest, FeedsTakeTheExtensionOfTheirType) {
  EXPECT_EQ(FilePathFor("/feed/", "application/rss+xml; charset=utf-8"), "feed/index.rss");
  EXPECT_EQ(FilePathFor("/feed/atom/", "application/atom+xml"), "feed/atom/index.atom");
  EXPECT_EQ(FilePathFor("/comments/feed/3/", "application/rss+xml"), "comments/feed/3/index.rss");
}

TEST(StaticLayoutTest, NamesWithAnExtensionStayFiles) {
  EXPECT_EQ(FilePathFor("/sitemap.xml", "application/xml"), "sitemap.xml");
  EXPECT_EQ(FilePathFor("/feed.json", "application/feed+json"), "feed.json");
  EXPECT_EQ(FilePathFor("/static/style.css", "text/css"), "static/style.css");
  EXPECT_EQ(FilePathFor("/media/2024/06/boat.jpg", "image/jpeg"), "media/2024/06/boat.jpg");
}

TEST(StaticLayoutTest, RefusesPathsThatLeaveTheFolder) {
  EXPECT_FALSE(FilePathFor("/../etc/passwd", kHtml));
  EXPECT_FALSE(FilePathFor("/a/./b/", kHtml));
  EXPECT_FALSE(FilePathFor("//host/x", kHtml));
  EXPECT_FALSE(FilePathFor("relative/", kHtml));
  EXPECT_FALSE(FilePathFor("/a\\b", kHtml));
  EXPECT_FALSE(FilePathFor(std::string_view("/a\0b", 4), kHtml));
}

TEST(StaticLayoutTest, CompressesTextNotImages) {
  EXPECT_TRUE(Compressible(kHtml));
  EXPECT_TRUE(Compressible("application/rss+xml; charset=utf-8"));
  EXPECT_TRUE(Compressible("application/feed+json"));
  EXPECT_TRUE(Compressible("image/svg+xml"));
  EXPECT_FALSE(Compressible("image/png"));
  EXPECT_FALSE(Compressible("image/jpeg"));
}

constexpr std::string_view kPage =
    "<p>Show Comments (2)</p><form class=\"comment-form\" id=\"comment-form\" method=\"post\" action=\"/comments\">"
    "<input name=\"token\"></form><h2>You May Also Like</h2>";

TEST(CommentFormTest, PointsTheFormAtALiveGazetteElsewhere) {
  const std::string html = PointCommentForm(kPage, {CommentFormTarget::Mode::kElsewhere, "https://talk.example"});
  EXPECT_NE(html.find("action=\"https://talk.example/comments\""), std::string::npos) << html;
  EXPECT_EQ(html.size(), kPage.size() + std::string_view("https://talk.example").size());
}

TEST(CommentFormTest, LeavesTheFormOutAndKeepsTheRest) {
  const std::string html = PointCommentForm(kPage, {CommentFormTarget::Mode::kLeftOut, ""});
  EXPECT_EQ(html, "<p>Show Comments (2)</p><h2>You May Also Like</h2>");
}

TEST(CommentFormTest, PagesWithoutTheFormAndTheDefaultAreUnchanged) {
  EXPECT_EQ(PointCommentForm("<p>No form</p>", {CommentFormTarget::Mode::kLeftOut, ""}), "<p>No form</p>");
  EXPECT_EQ(PointCommentForm(kPage, {}), kPage);
}

TEST(StaticManifestTest, RemovesWhatTheNewRunNoLongerHolds) {
  const std::set<std::string> before = {"a/index.html", "a/index.html.gz", "b/index.html", "index.html"};
  const std::set<std::string> after = {"b/index.html", "c/index.html", "index.html"};
  EXPECT_EQ(RemovedFiles(before, after), (std::vector<std::string>{"a/index.html", "a/index.html.gz"}));
  EXPECT_TRUE(RemovedFiles(after, after).empty());
}

TEST(StaticManifestTest, RoundTripsAndRefusesPathsOutsideTheFolder) {
  const std::set<std::string> files = {"index.html", "feed/index.rss", "static/style.css.br"};
  auto parsed = ParseManifest(ManifestJson(files));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, files);
  EXPECT_FALSE(ParseManifest(R"({"format":1,"files":["../../etc/passwd"]})"));
  EXPECT_FALSE(ParseManifest(R"({"format":1,"files":["/etc/passwd"]})"));
  EXPECT_FALSE(ParseManifest(R"({"format":1,"files":["a//b"]})"));
  EXPECT_FALSE(ParseManifest("not json"));
  EXPECT_FALSE(ParseManifest(R"({"files":[]})"));
}

TEST(NginxMapTest, QuotesEachEntryAndLeavesOutWhatNginxWouldMisread) {
  int skipped = -1;
  const std::string map = NginxMap({{"/old-post/", "/2019/01/02/new-post/"},
                                    {"/a b/", "https://elsewhere.example/x?y=1;z"},
                                    {"/cost$/", "/x/"},
                                    {"~^/regex", "/x/"},
                                    {"/quote\"/", "/x/"},
                                    {"/empty/", ""}},
                                   &skipped);
  EXPECT_NE(map.find("\n\"/old-post/\" \"/2019/01/02/new-post/\";\n"), std::string::npos);
  EXPECT_NE(map.find("\n\"/a b/\" \"https://elsewhere.example/x?y=1;z\";\n"), std::string::npos);
  EXPECT_EQ(map.find("cost"), std::string::npos);
  EXPECT_EQ(map.find("regex"), std::string::npos);
  EXPECT_EQ(map.find("quote"), std::string::npos);
  EXPECT_EQ(map.find("/empty/"), std::string::npos);
  EXPECT_EQ(skipped, 4);
}

class FileTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("gazette-file-tree-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_;
};

TEST_F(FileTreeTest, WritesOnlyChangedBytesAndKeepsTheMtimeOfTheRest) {
  auto tree = FileTree::Create(root_);
  ASSERT_TRUE(tree);
  auto first = tree->Put("a/b/index.html", "one");
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, FileTree::Outcome::kWritten);
  const auto path = root_ / "a/b/index.html";
  const auto old_time = std::filesystem::last_write_time(path) - std::chrono::hours(1);
  std::filesystem::last_write_time(path, old_time);
  EXPECT_EQ(*tree->Put("a/b/index.html", "one"), FileTree::Outcome::kUnchanged);
  EXPECT_EQ(std::filesystem::last_write_time(path), old_time);
  EXPECT_EQ(*tree->Put("a/b/index.html", "two"), FileTree::Outcome::kWritten);
  EXPECT_EQ(tree->Read("a/b/index.html"), "two");
  // No temporary file is left beside it.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(root_ / "a/b")) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST_F(FileTreeTest, RemoveDeletesEmptiedFoldersButNotTheRoot) {
  auto tree = FileTree::Create(root_);
  ASSERT_TRUE(tree);
  ASSERT_TRUE(tree->Put("2018/01/05/slug/index.html", "x"));
  ASSERT_TRUE(tree->Put("2018/02/index.html", "y"));
  ASSERT_TRUE(tree->Remove("2018/01/05/slug/index.html"));
  EXPECT_FALSE(std::filesystem::exists(root_ / "2018/01"));
  EXPECT_TRUE(tree->Has("2018/02/index.html"));
  ASSERT_TRUE(tree->Remove("2018/02/index.html"));
  EXPECT_TRUE(std::filesystem::exists(root_));
  EXPECT_FALSE(std::filesystem::exists(root_ / "2018"));
}

}  // namespace
}  // namespace gazette::exports
