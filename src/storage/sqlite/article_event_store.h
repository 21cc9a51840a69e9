// ArticleEventStore: newsroom::ArticleEventOutbox on the article_webhook_outbox table (filled by
// triggers on articles, migration 19).
#pragma once

#include "newsroom/article_webhooks.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class ArticleEventStore final : public newsroom::ArticleEventOutbox {
 public:
  explicit ArticleEventStore(Database& db) : db_(db) {}
  Result<std::vector<newsroom::ArticleEvent>> Due(std::int64_t now_ms, int limit) override;
  Status Finish(std::int64_t id, bool delivered, int attempts) override;
  Status Retry(std::int64_t id, int attempts, std::int64_t next_ms) override;
  Status DiscardWaiting() override;
  Status PruneFinished(UnixTime before) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
