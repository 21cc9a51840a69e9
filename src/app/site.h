// Site: the application edge. Opens storage and builds the services over it; everything else
// receives references from here.
#pragma once

#include <memory>
#include <string>

#include "comments/comment_service.h"
#include "common/result.h"
#include "common/time.h"
#include "content/article_service.h"
#include "content/site_settings.h"
#include "related/related_service.h"
#include "search/search_service.h"
#include "storage/sqlite/article_store.h"
#include "storage/sqlite/comment_store.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/media_store.h"
#include "storage/sqlite/redirect_store.h"
#include "storage/sqlite/related_store.h"
#include "storage/sqlite/search_store.h"
#include "storage/sqlite/settings_store.h"
#include "storage/sqlite/spam_store.h"
#include "storage/sqlite/webhook_outbox_store.h"
#include "storage/sqlite/websub_queue_store.h"

namespace gazette::app {

class Site {
 public:
  // Opens the site database at `path` (creating it when `create`), migrating it to the current
  // schema. kUnavailable if it cannot be opened; kNotFound if it does not exist and !create.
  static Result<std::unique_ptr<Site>> Open(const std::string& path, bool create);

  storage::sqlite::Database& db() { return *db_; }
  content::ArticleRepository& article_store() { return articles_; }
  comments::CommentRepository& comment_store() { return comments_; }
  content::SettingsRepository& settings_store() { return settings_; }
  content::ArticleService& articles() { return article_service_; }
  comments::CommentService& comments() { return comment_service_; }
  comments::WebhookOutbox& webhook_outbox() { return webhook_outbox_; }
  feeds::PingQueue& websub_queue() { return websub_queue_; }
  related::RelatedService& related() { return related_service_; }
  search::SearchIndex& search_index() { return search_; }
  // For a bulk load by this process (an import): its commits stop waiting for the disk. WAL's
  // synchronous=NORMAL never corrupts the database; a power cut may lose the last commits.
  Status StartBulkLoad();
  // The media library's records (the files are the newsroom's: app/newsroom.h).
  media::MediaRepository& media_store() { return media_; }
  // Old addresses that answer 301 (imports fill it; `gazette redirects` edits it).
  content::RedirectRepository& redirects() { return redirects_; }
  search::SearchService& search() { return search_service_; }
  const Clock& clock() const { return clock_; }

  // The site's secret for signing form tokens, created on first use.
  Result<std::string> Secret();

 private:
  explicit Site(std::unique_ptr<storage::sqlite::Database> db);

  std::unique_ptr<storage::sqlite::Database> db_;
  SystemClock clock_;
  storage::sqlite::ArticleStore articles_;
  storage::sqlite::CommentStore comments_;
  storage::sqlite::SettingsStore settings_;
  storage::sqlite::SpamStore spam_;
  storage::sqlite::WebhookOutboxStore webhook_outbox_;
  storage::sqlite::WebSubQueueStore websub_queue_;
  storage::sqlite::RelatedStore related_;
  storage::sqlite::SearchStore search_;
  storage::sqlite::MediaStore media_;
  storage::sqlite::RedirectStore redirects_;
  content::ArticleService article_service_;
  comments::CommentService comment_service_;
  related::RelatedService related_service_;
  search::SearchService search_service_;
};

// Finds a folder shipped with Gazette (e.g. "themes/default"): beside the binary's parent
// folder (a build tree), beside the binary, or in the current folder. Returns "" if none exists.
std::string FindResource(const std::string& relative);

}  // namespace gazette::app
