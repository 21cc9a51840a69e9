// Site wiring.
#include "app/site.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "comments/form_token.h"

namespace gazette::app {

Site::Site(std::unique_ptr<storage::sqlite::Database> db)
    : db_(std::move(db)),
      articles_(*db_),
      comments_(*db_),
      settings_(*db_),
      spam_(*db_),
      webhook_outbox_(*db_),
      websub_queue_(*db_),
      related_(*db_),
      search_(*db_),
      media_(*db_),
      redirects_(*db_),
      article_service_(articles_, clock_),
      comment_service_(comments_, articles_, settings_, spam_, clock_),
      related_service_(articles_, related_, settings_, clock_),
      search_service_(search_) {
  // Whichever process changes an article (the server, a command) brings the related lists up to
  // date in the same call; the search index already changed with the article, by trigger.
  article_service_.OnChange([this](content::ArticleId id) {
    if (auto r = related_service_.Update(id); !r)
      spdlog::error("updating related articles after article {} changed: {}", id, r.error().message);
  });
}

Result<std::unique_ptr<Site>> Site::Open(const std::string& path, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    return Error::NotFound("No site database at " + path + " (create one with: gazette init --db " + path + ")");
  auto db = storage::sqlite::Database::Open(path, create);
  if (!db) return db.error();
  return std::unique_ptr<Site>(new Site(std::move(*db)));
}

Status Site::StartBulkLoad() { return db_->Exec("PRAGMA synchronous=NORMAL"); }

Result<std::string> Site::Secret() {
  auto secret = settings_.Get("site.secret");
  if (!secret) return secret.error();
  if (*secret && !(*secret)->empty()) return **secret;
  std::string fresh = comments::NewSecret();
  if (auto st = settings_.Set("site.secret", fresh); !st) return st.error();
  return fresh;
}

std::string FindResource(const std::string& relative) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / relative);
    candidates.push_back(exe.parent_path() / relative);
    candidates.push_back(exe.parent_path().parent_path() / "share/gazette" / relative);
  }
  candidates.push_back(fs::current_path(ec) / relative);
  for (const auto& c : candidates)
    if (fs::exists(c, ec)) return c.lexically_normal().string();
  return {};
}

}  // namespace gazette::app
