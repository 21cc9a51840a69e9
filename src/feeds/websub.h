// WebSub: when a published article changes, the hub of the feed.websub_hub setting is told which
// feeds changed (the site's, and each of the article's tags' and authors'), so that subscribers
// hear within seconds instead of polling. The pings wait in a queue that the database fills in
// the same transaction as the change (so none is lost, whichever process made it); the publisher
// sends them, retrying with back-off as webhooks are retried.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/background_loop.h"
#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/site_settings.h"

namespace gazette::feeds {

struct Ping {
  std::int64_t id = 0;
  content::ArticleId article_id = 0;
  int attempts = 0;
};

// Where pings wait. Thread-safe.
class PingQueue {
 public:
  virtual ~PingQueue() = default;
  // Pings due at `now_ms` (unix milliseconds), oldest first, at most `limit`.
  virtual Result<std::vector<Ping>> Due(std::int64_t now_ms, int limit) = 0;
  // Marks pings sent (or given up).
  virtual Status Finish(const std::vector<std::int64_t>& ids) = 0;
  virtual Status Retry(const std::vector<std::int64_t>& ids, int attempts, std::int64_t next_ms) = 0;
  // Deletes finished pings created before `before` (unix seconds).
  virtual Status PruneFinished(UnixTime before) = 0;
};

// Sends one POST (an HTTP client in http/). kUnavailable when the hub cannot be reached or
// answers anything but 2xx.
using PostFunction = std::function<Status(const std::string& url, const std::string& body,
                                          const std::vector<std::pair<std::string, std::string>>& headers)>;

// The feeds an article is listed in, as absolute URLs: the site's, its tags' and its authors'
// RSS, Atom and JSON feeds.
std::vector<std::string> FeedsListing(const content::Article& article, const std::string& site_url);
// "hub.mode=publish&hub.url=...&hub.url=...": the publish notification for `feeds`.
std::string PublishBody(const std::vector<std::string>& feeds);

class WebSubPublisher {
 public:
  // Every reference must outlive the publisher.
  WebSubPublisher(PingQueue& queue, const content::ArticleRepository& articles,
                  const content::SettingsRepository& settings, const Clock& clock, PostFunction post)
      : queue_(queue), articles_(articles), settings_(settings), clock_(clock), post_(std::move(post)) {}
  ~WebSubPublisher() { Stop(); }

  // Sends due pings every `poll_ms` on a thread of its own.
  void Start(int poll_ms = 500);
  void Stop();

  // One round: every due ping in one notification to the hub. Returns how many pings it handled.
  int PingDue();

  static constexpr int kMaxAttempts = 8;

 private:
  PingQueue& queue_;
  const content::ArticleRepository& articles_;
  const content::SettingsRepository& settings_;
  const Clock& clock_;
  PostFunction post_;
  BackgroundLoop loop_;  // last: stopped before the members its rounds use
};

}  // namespace gazette::feeds
