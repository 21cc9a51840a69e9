// Outgoing webhooks for article.published, article.updated and article.unpublished, so that a CDN
// or a search service in front of the site can purge and re-read exactly what changed. The
// database writes each event to an outbox in the same transaction as the change (triggers on the
// articles table, only while site.webhook_urls is set), whichever process made it; the sender
// signs each JSON POST with HMAC-SHA-256 under site.webhook_secret and retries with back-off,
// exactly as comment webhooks are sent (comments/webhooks.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "comments/webhooks.h"
#include "common/background_loop.h"
#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/live_settings.h"

namespace gazette::newsroom {

struct ArticleEvent {
  std::int64_t id = 0;  // the delivery id: never reused
  std::string event;    // "article.published", "article.updated", "article.unpublished"
  content::ArticleId article_id = 0;
  // Where the article was when the event happened (an unpublished article keeps its old address
  // in the payload, which is what a cache must purge).
  std::string slug;
  UnixTime published_at = 0;
  std::string old_slug;  // the slug before an edit changed it; "" when unchanged
  UnixTime created_at = 0;
  int attempts = 0;
};

// Where article events wait. Thread-safe.
class ArticleEventOutbox {
 public:
  virtual ~ArticleEventOutbox() = default;
  // Undelivered events due at `now_ms` (unix milliseconds), oldest first, at most `limit`.
  virtual Result<std::vector<ArticleEvent>> Due(std::int64_t now_ms, int limit) = 0;
  virtual Status Finish(std::int64_t id, bool delivered, int attempts) = 0;
  virtual Status Retry(std::int64_t id, int attempts, std::int64_t next_ms) = 0;
  // Drops every waiting event (no URL is configured any more).
  virtual Status DiscardWaiting() = 0;
  // Deletes finished events created before `before` (unix seconds); ids are never reused.
  virtual Status PruneFinished(UnixTime before) = 0;
};

// The site paths a cache should purge after `event`: the article's address (and its old one),
// the home page, the site's feeds, and each tag's and author's page and feeds. `article` is its
// current state (tags, authors); the address comes from the event. Percent-encoded, each once.
std::vector<std::string> PurgePaths(const ArticleEvent& event, const content::Article& article,
                                    const content::Permalink& permalink);
// The JSON body: {"event", "delivery", "at", "article": {id, slug, url, title}, "purge": [paths],
// "purge_urls": [absolute]}.
std::string ArticlePayload(const ArticleEvent& event, const content::Article& article, const content::SiteView& site);

// The site.webhook_urls and site.webhook_secret settings.
struct ArticleWebhookSettings {
  std::vector<std::string> urls;
  std::string secret;
};
Result<ArticleWebhookSettings> LoadArticleWebhookSettings(const content::SettingsRepository& settings);

class ArticleWebhookSender {
 public:
  // Every reference must outlive the sender.
  ArticleWebhookSender(ArticleEventOutbox& outbox, const content::ArticleRepository& articles,
                       const content::LiveSettings& site, const content::SettingsRepository& settings,
                       comments::WebhookTransport& transport, const Clock& clock)
      : outbox_(outbox), articles_(articles), site_(site), settings_(settings), transport_(transport), clock_(clock) {}
  ~ArticleWebhookSender() { Stop(); }

  // Delivers due events every `poll_ms` on a thread of its own; prunes finished ones hourly.
  void Start(int poll_ms = 500);
  void Stop();
  // One round (for tests). Returns how many events it handled.
  int DeliverDue();

 private:
  void Deliver(const ArticleEvent& event, const ArticleWebhookSettings& s);

  ArticleEventOutbox& outbox_;
  const content::ArticleRepository& articles_;
  const content::LiveSettings& site_;
  const content::SettingsRepository& settings_;
  comments::WebhookTransport& transport_;
  const Clock& clock_;
  BackgroundLoop loop_;  // last: stopped before the members its rounds use
};

}  // namespace gazette::newsroom
