// A site on a fresh SQLite file for storage tests: stores, services and a fixed clock.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "content/article_service.h"
#include "related/related_service.h"
#include "search/search_service.h"
#include "storage/sqlite/article_store.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/related_store.h"
#include "storage/sqlite/search_store.h"
#include "storage/sqlite/settings_store.h"

namespace gazette::storage::sqlite::testing {

class FixedClock : public Clock {
 public:
  UnixTime Now() const override { return now; }
  UnixTime now = 1700000000;
};

class TestSite : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("gazette-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = Database::Open(path_.string(), true);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    articles_ = std::make_unique<ArticleStore>(*db_);
    settings_ = std::make_unique<SettingsStore>(*db_);
    related_store_ = std::make_unique<RelatedStore>(*db_);
    search_store_ = std::make_unique<SearchStore>(*db_);
    service_ = std::make_unique<content::ArticleService>(*articles_, clock_);
    related_ = std::make_unique<related::RelatedService>(*articles_, *related_store_, *settings_, clock_);
    search_ = std::make_unique<search::SearchService>(*search_store_);
    service_->OnChange([this](content::ArticleId id) {
      auto r = related_->Update(id);
      ASSERT_TRUE(r) << r.error().message;
      last_update_ = *r;
    });
  }
  void TearDown() override {
    search_.reset();
    related_.reset();
    service_.reset();
    search_store_.reset();
    related_store_.reset();
    settings_.reset();
    articles_.reset();
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  content::Article Add(const std::string& title, const std::string& body, std::vector<std::string> tags = {},
                       bool published = true) {
    content::ArticleDraft d;
    d.title = title;
    d.markdown = body;
    d.tags = std::move(tags);
    d.status = published ? content::ArticleStatus::kPublished : content::ArticleStatus::kDraft;
    if (published) d.published_at = clock_.now++;
    auto a = service_->Create(d);
    EXPECT_TRUE(a) << (a ? "" : a.error().message);
    return *a;
  }

  std::filesystem::path path_;
  FixedClock clock_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ArticleStore> articles_;
  std::unique_ptr<SettingsStore> settings_;
  std::unique_ptr<RelatedStore> related_store_;
  std::unique_ptr<SearchStore> search_store_;
  std::unique_ptr<content::ArticleService> service_;
  std::unique_ptr<related::RelatedService> related_;
  std::unique_ptr<search::SearchService> search_;
  related::UpdateReport last_update_;
};

}  // namespace gazette::storage::sqlite::testing
