#include "imports/markdown/content_folder.h"

#include <gtest/gtest.h>

#include <fstream>

namespace gazette::imports::markdown {
namespace {
namespace fs = std::filesystem;

class ContentFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gazette-md-scan-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text = "---\ntitle: x\n---\n") {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  const SourceFile* Find(const ContentFolder& f, const std::string& rel) {
    for (const auto& s : f.files)
      if (s.relative == rel) return &s;
    return nullptr;
  }
  fs::path dir_;
};

TEST_F(ContentFolderTest, HugoPostsBundlesPagesAndSections) {
  Write("config.toml", "");
  Write("content/about.md");
  Write("content/contact/index.md");
  Write("content/posts/_index.md");
  Write("content/posts/first.md");
  Write("content/posts/trip/index.md");
  Write("content/posts/trip/photo.JPG", "not really");
  Write("content/posts/trip/notes.txt", "");
  Write("content/.hidden/secret.md");
  auto f = ScanContentFolder(dir_);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->flavour, SiteFlavour::kHugo);
  ASSERT_EQ(f->files.size(), 4u);
  EXPECT_EQ(Find(*f, "content/about.md")->kind, SourceKind::kPage);
  EXPECT_EQ(Find(*f, "content/contact/index.md")->kind, SourceKind::kPage);
  EXPECT_EQ(Find(*f, "content/contact/index.md")->slug, "contact");
  EXPECT_EQ(Find(*f, "content/posts/first.md")->kind, SourceKind::kPost);
  const SourceFile* trip = Find(*f, "content/posts/trip/index.md");
  ASSERT_NE(trip, nullptr);
  EXPECT_EQ(trip->slug, "trip");
  EXPECT_EQ(trip->bundle_images, (std::vector<std::string>{"photo.JPG"}));
  ASSERT_EQ(f->skipped.size(), 2u);
  EXPECT_EQ(f->skipped[0].file, "content/posts/_index.md");
  EXPECT_EQ(f->skipped[1].file, "content/posts/trip/notes.txt");
}

TEST_F(ContentFolderTest, JekyllPostsDraftsAndPages) {
  Write("_config.yml", "title: x\n");
  Write("_posts/2018-07-09-ferry-strike.md");
  Write("_posts/undated.md");
  Write("_drafts/next-week.markdown");
  Write("about.md");
  Write("README.md", "# not a page\n");
  Write("_layouts/post.html", "");
  auto f = ScanContentFolder(dir_);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->flavour, SiteFlavour::kJekyll);
  ASSERT_EQ(f->files.size(), 3u);
  const SourceFile* post = Find(*f, "_posts/2018-07-09-ferry-strike.md");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(post->slug, "ferry-strike");
  EXPECT_EQ(post->date, 1531094400);
  EXPECT_TRUE(Find(*f, "_drafts/next-week.markdown")->draft);
  EXPECT_EQ(Find(*f, "about.md")->kind, SourceKind::kPage);
  ASSERT_EQ(f->skipped.size(), 1u);
  EXPECT_EQ(f->skipped[0].file, "_posts/undated.md");
}

TEST_F(ContentFolderTest, MissingFolderIsAnError) {
  EXPECT_FALSE(ScanContentFolder(dir_ / "nope"));
}

}  // namespace
}  // namespace gazette::imports::markdown
