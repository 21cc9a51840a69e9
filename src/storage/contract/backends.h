// The backends the storage contract suite runs against: the in-memory twins (src/testing/) and
// the SQLite stores on a fresh file. Each offers the same members, named as the interfaces are,
// so that a case is written once as a typed test. A PostgreSQL backend joins the list here.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "storage/sqlite/account_store.h"
#include "storage/sqlite/article_store.h"
#include "storage/sqlite/comment_store.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/editorial_store.h"
#include "storage/sqlite/media_store.h"
#include "storage/sqlite/redirect_store.h"
#include "storage/sqlite/related_store.h"
#include "storage/sqlite/settings_store.h"
#include "storage/sqlite/unit_of_work.h"
#include "testing/memory_storage.h"

namespace gazette::storage::contract {

struct MemoryBackend {
  static constexpr const char* kName = "Memory";
  gazette::testing::MemoryStorage s;

  content::ArticleRepository& articles = s.articles;
  content::EditorialRepository& editorial = s.editorial;
  content::SettingsRepository& settings = s.settings;
  comments::CommentRepository& comments = s.comments;
  accounts::UserRepository& users = s.users;
  accounts::SessionRepository& sessions = s.sessions;
  accounts::ApiTokenRepository& tokens = s.tokens;
  related::RelatedRepository& related = s.related;
  media::MediaRepository& media = s.media;
  content::RedirectRepository& redirects = s.redirects;
  UnitOfWork& unit = s.unit;
};

// A fresh database file, removed (with its WAL files) when the backend goes.
class TempDatabase {
 public:
  TempDatabase() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("gazette-contract-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(path_);
    auto db = sqlite::Database::Open(path_.string(), true);
    if (!db) throw std::runtime_error("cannot open " + path_.string() + ": " + db.error().message);
    db_ = std::move(*db);
  }
  ~TempDatabase() {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  sqlite::Database& db() { return *db_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<sqlite::Database> db_;
};

struct SqliteBackend {
  static constexpr const char* kName = "Sqlite";
  TempDatabase file;
  sqlite::ArticleStore article_store{file.db()};
  sqlite::EditorialStore editorial_store{file.db()};
  sqlite::SettingsStore settings_store{file.db()};
  sqlite::CommentStore comment_store{file.db()};
  sqlite::UserStore user_store{file.db()};
  sqlite::SessionStore session_store{file.db()};
  sqlite::ApiTokenStore token_store{file.db()};
  sqlite::RelatedStore related_store{file.db()};
  sqlite::MediaStore media_store{file.db()};
  sqlite::RedirectStore redirect_store{file.db()};
  sqlite::SqliteUnitOfWork unit_store{file.db()};

  content::ArticleRepository& articles = article_store;
  content::EditorialRepository& editorial = editorial_store;
  content::SettingsRepository& settings = settings_store;
  comments::CommentRepository& comments = comment_store;
  accounts::UserRepository& users = user_store;
  accounts::SessionRepository& sessions = session_store;
  accounts::ApiTokenRepository& tokens = token_store;
  related::RelatedRepository& related = related_store;
  media::MediaRepository& media = media_store;
  content::RedirectRepository& redirects = redirect_store;
  UnitOfWork& unit = unit_store;
};

using Backends = ::testing::Types<MemoryBackend, SqliteBackend>;

// Names the typed tests "ArticleContract/Memory.Insert", "ArticleContract/Sqlite.Insert".
struct BackendName {
  template <class B>
  static std::string GetName(int) {
    return B::kName;
  }
};

}  // namespace gazette::storage::contract
