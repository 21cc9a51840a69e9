// CommentWorker: failures are logged and retried; nothing here can stop the server.
#include "comments/comment_worker.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "comments/comment_settings.h"

namespace gazette::comments {
void CommentWorker::Start(int poll_ms) {
  loop_.Start(std::chrono::milliseconds(poll_ms),
              {[this] { DeliverDue(); }, [this] { ApplyRetention(); },
               [](const std::exception& e) { spdlog::error("comment worker: {}", e.what()); }});
}

void CommentWorker::Stop() { loop_.Stop(); }

int CommentWorker::ApplyRetention() {
  // Finished webhook events are kept a week for inspection.
  if (auto st = outbox_.PruneFinished(clock_.Now() - kKeepFinishedEventsSeconds); !st)
    spdlog::warn("pruning the webhook outbox: {}", st.error().message);
  auto s = LoadCommentSettings(settings_);
  if (!s) {
    spdlog::warn("comment settings: {}", s.error().message);
    return 0;
  }
  auto n = comments_.ClearSubmissionData(clock_.Now() - static_cast<UnixTime>(s->retention_days) * 86400);
  if (!n) {
    spdlog::warn("clearing old IP addresses: {}", n.error().message);
    return 0;
  }
  if (*n > 0)
    spdlog::info("cleared the IP address and user agent of {} comments older than {} days", *n, s->retention_days);
  return *n;
}

int CommentWorker::DeliverDue() {
  auto s = LoadCommentSettings(settings_);
  if (!s) return 0;
  if (s->webhook_urls.empty()) {
    (void)outbox_.DiscardWaiting();
    return 0;
  }
  auto due = outbox_.Due(clock_.NowMs(), 50);
  if (!due) {
    spdlog::warn("webhook outbox: {}", due.error().message);
    return 0;
  }
  for (const auto& e : *due) Deliver(e, s->webhook_urls, s->webhook_secret);
  return static_cast<int>(due->size());
}

// Every configured URL gets the event; a failure at any of them retries the event (receivers
// must accept a delivery id they have already seen).
void CommentWorker::Deliver(const OutboxEvent& e, const std::vector<std::string>& urls, const std::string& secret) {
  auto comment = comments_.FindById(e.comment_id);
  if (!comment) {  // erased since: nothing to tell
    (void)outbox_.Finish(e.id, false, e.attempts);
    return;
  }
  const std::string body = WebhookPayload(e, *comment, comment_url_(*comment));
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"},
                                                              {"User-Agent", "Gazette-Webhooks/1"},
                                                              {"X-Gazette-Event", e.event},
                                                              {"X-Gazette-Delivery", std::to_string(e.id)},
                                                              {"X-Gazette-Signature", WebhookSignature(secret, body)}};
  std::string failure;
  for (const auto& url : urls)
    if (auto st = transport_.Post(url, body, headers); !st) failure = url + ": " + st.error().message;
  const int attempts = e.attempts + 1;
  if (failure.empty()) {
    (void)outbox_.Finish(e.id, true, attempts);
  } else if (attempts >= kWebhookMaxAttempts) {
    spdlog::error("webhook {} #{} failed {} times, giving up: {}", e.event, e.id, attempts, failure);
    (void)outbox_.Finish(e.id, false, attempts);
  } else {
    spdlog::warn("webhook {} #{} failed (attempt {}), retrying in {} ms: {}", e.event, e.id, attempts,
                 WebhookBackoffMs(attempts), failure);
    (void)outbox_.Retry(e.id, attempts, clock_.NowMs() + WebhookBackoffMs(attempts));
  }
}

}  // namespace gazette::comments
