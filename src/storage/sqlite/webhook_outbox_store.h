// WebhookOutboxStore: comments::WebhookOutbox on the webhook_outbox table (filled by triggers).
#pragma once

#include "comments/webhooks.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class WebhookOutboxStore final : public comments::WebhookOutbox {
 public:
  explicit WebhookOutboxStore(Database& db) : db_(db) {}
  Result<std::vector<comments::OutboxEvent>> Due(std::int64_t now_ms, int limit) override;
  Status Finish(std::int64_t id, bool delivered, int attempts) override;
  Status Retry(std::int64_t id, int attempts, std::int64_t next_ms) override;
  Status DiscardWaiting() override;
  Status PruneFinished(UnixTime before) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
