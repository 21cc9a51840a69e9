#include "imports/markdown/site_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "testing/fake_clock.h"
#include "testing/memory_article_repository.h"
#include "testing/memory_database.h"

namespace gazette::imports::markdown {
namespace {
namespace fs = std::filesystem;

// Redirects in a map: enough for the import's use of the interface.
class MapRedirects final : public content::RedirectRepository {
 public:
  Status Put(const content::Redirect& r) override {
    map_[r.from] = r;
    return Status::Ok();
  }
  Result<std::optional<content::Redirect>> Find(std::string_view from) const override {
    auto it = map_.find(std::string(from));
    if (it == map_.end()) return std::optional<content::Redirect>();
    return std::optional<content::Redirect>(it->second);
  }
  Result<std::vector<content::Redirect>> List() const override {
    std::vector<content::Redirect> out;
    for (const auto& [k, v] : map_) out.push_back(v);
    return out;
  }
  Status Remove(std::string_view from) override {
    map_.erase(std::string(from));
    return Status::Ok();
  }
  std::map<std::string, content::Redirect> map_;
};

class SiteImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("gazette-md-import-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  SiteImportSummary Import() {
    auto permalink = content::Permalink::Parse(content::kDefaultPermalink);
    ImportTargets targets{service_, repo_, &redirects_, nullptr, &*permalink};
    auto s = ImportSite(targets, dir_.string(), {}, [](std::size_t, std::size_t) {});
    EXPECT_TRUE(s) << s.error().message;
    return s ? *s : SiteImportSummary{};
  }

  fs::path dir_;
  testing::MemoryDatabase db_;
  testing::MemoryArticleRepository repo_{db_};
  testing::FakeClock clock_;
  content::ArticleService service_{repo_, clock_};
  MapRedirects redirects_;
};

TEST_F(SiteImportTest, AliasesBecomeRedirectsToTheArticleButNotItsOwnAddress) {
  Write("content/posts/quay.md",
        "---\ntitle: Quay works\ndate: 2020-05-01\naliases: [/old/quay/, /2020/05/01/quay/]\n---\nBody\n");
  auto s = Import();
  EXPECT_EQ(s.imported, 1);
  EXPECT_EQ(s.redirects_added, 1);
  auto article = repo_.FindBySlug("quay");
  ASSERT_TRUE(article);
  ASSERT_EQ(redirects_.map_.size(), 1u);
  EXPECT_EQ(redirects_.map_.at("/old/quay/").article, article->id);
  auto again = Import();
  EXPECT_EQ(again.unchanged, 1);
  EXPECT_EQ(again.redirects_unchanged, 1);
  EXPECT_FALSE(again.Changed());
}

TEST_F(SiteImportTest, ChangesAreAppliedOnTheNextRun) {
  Write("content/posts/vote.md", "---\ntitle: The vote\ndate: 2020-05-01\ndraft: true\n---\nFirst.\n");
  EXPECT_EQ(Import().imported, 1);
  Write("content/posts/vote.md",
        "---\ntitle: The vote is in\ndate: 2020-05-02\ntags: [council]\nsummary: Counted.\n---\nSecond.\n");
  auto s = Import();
  EXPECT_EQ(s.updated, 1);
  auto a = repo_.FindBySlug("vote");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title, "The vote is in");
  EXPECT_EQ(a->markdown, "Second.");
  EXPECT_EQ(a->excerpt, "Counted.");
  EXPECT_TRUE(a->IsPublished());
  EXPECT_EQ(a->published_at, 1588377600);
  ASSERT_EQ(a->tags.size(), 1u);
  EXPECT_EQ(Import().unchanged, 1);
}

TEST_F(SiteImportTest, DuplicateSlugsAndBadFilesAreSkippedAndTheRestImported) {
  Write("content/posts/a/same.md", "---\ntitle: One\n---\n");
  Write("content/posts/b/same.md", "---\ntitle: Two\n---\n");
  Write("content/posts/bad.md", "+++\ntitle = \n+++\n");
  Write("content/posts/good.md", "---\ntitle: Good\n---\n");
  auto s = Import();
  EXPECT_EQ(s.imported, 2);
  ASSERT_EQ(s.skipped.size(), 2u);
  EXPECT_EQ(s.skipped[0].file, "content/posts/b/same.md");
  EXPECT_EQ(s.skipped[1].file, "content/posts/bad.md");
  EXPECT_TRUE(s.skipped[1].reason.starts_with("line 2: malformed TOML")) << s.skipped[1].reason;
}

}  // namespace
}  // namespace gazette::imports::markdown
