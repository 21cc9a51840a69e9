// Outgoing webhooks for comment.created and comment.approved: an outbox filled by the database
// in the same transaction as the change (so no event is lost, whichever process made it), and
// a delivery loop that signs each JSON POST with HMAC-SHA-256 and retries with back-off.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "comments/comment.h"
#include "common/result.h"
#include "common/time.h"

namespace gazette::comments {

struct OutboxEvent {
  std::int64_t id = 0;
  std::string event;  // "comment.created" or "comment.approved"
  CommentId comment_id = 0;
  int attempts = 0;  // deliveries tried so far
};

// Where events wait for delivery. Thread-safe.
class WebhookOutbox {
 public:
  virtual ~WebhookOutbox() = default;
  // Undelivered events due at `now_ms` (unix milliseconds), oldest first, at most `limit`.
  virtual Result<std::vector<OutboxEvent>> Due(std::int64_t now_ms, int limit) = 0;
  // Marks an event delivered (done) or given up.
  virtual Status Finish(std::int64_t id, bool delivered, int attempts) = 0;
  // Schedules another attempt.
  virtual Status Retry(std::int64_t id, int attempts, std::int64_t next_ms) = 0;
  // Drops every waiting event (no webhook is configured).
  virtual Status DiscardWaiting() = 0;
  // Deletes delivered and given-up events created before `before` (unix seconds). Their ids are
  // never given out again, so receivers that deduplicate by delivery id stay right.
  virtual Status PruneFinished(UnixTime before) = 0;
};

// Sends one POST. Implemented in http/. kUnavailable when the receiver is unreachable or answers
// anything but 2xx.
class WebhookTransport {
 public:
  virtual ~WebhookTransport() = default;
  virtual Status Post(const std::string& url, const std::string& body,
                      const std::vector<std::pair<std::string, std::string>>& headers) = 0;
};

// The JSON body: {"event", "delivery", "comment": {id, article_id, parent_id, name, website, body,
// status, created_at, url}}. Never the email, IP address or user agent.
std::string WebhookPayload(const OutboxEvent& event, const Comment& comment, const std::string& comment_url);
// "sha256=" and the hex HMAC-SHA-256 of `body` under `secret`.
std::string WebhookSignature(const std::string& secret, const std::string& body);
// Milliseconds to wait after `attempts` failures: 1 s, 2 s, 4 s, ... up to 10 minutes.
std::int64_t WebhookBackoffMs(int attempts);
inline constexpr int kWebhookMaxAttempts = 8;
// Delivered and given-up events are kept this long for inspection, then pruned.
inline constexpr UnixTime kKeepFinishedEventsSeconds = 7 * 86400;

}  // namespace gazette::comments
