// CommentWorker: the server's background work for comments, on one thread: delivering webhooks
// from the outbox, and clearing IP addresses and user agents past their retention period.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "comments/comment_repository.h"
#include "comments/webhooks.h"
#include "common/background_loop.h"
#include "common/time.h"
#include "content/site_settings.h"

namespace gazette::comments {

class CommentWorker {
 public:
  // `comment_url` gives a comment's public URL. Every reference must outlive the worker.
  CommentWorker(CommentRepository& comments, WebhookOutbox& outbox, WebhookTransport& transport,
                const content::SettingsRepository& settings, const Clock& clock,
                std::function<std::string(const Comment&)> comment_url)
      : comments_(comments),
        outbox_(outbox),
        transport_(transport),
        settings_(settings),
        clock_(clock),
        comment_url_(std::move(comment_url)) {}
  ~CommentWorker() { Stop(); }

  // Starts the thread: webhooks are polled every `poll_ms`; retention (IP addresses, finished
  // webhook events) is applied hourly.
  void Start(int poll_ms = 500);
  void Stop();

  // One round of each job (for tests and the CLI). Returns how many events were handled.
  int DeliverDue();
  int ApplyRetention();

 private:
  void Deliver(const OutboxEvent& event, const std::vector<std::string>& urls, const std::string& secret);

  CommentRepository& comments_;
  WebhookOutbox& outbox_;
  WebhookTransport& transport_;
  const content::SettingsRepository& settings_;
  const Clock& clock_;
  std::function<std::string(const Comment&)> comment_url_;
  BackgroundLoop loop_;  // last: stopped before the members its rounds use
};

}  // namespace gazette::comments
