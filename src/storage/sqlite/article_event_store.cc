// ArticleEventStore: parameterised SQL over article_webhook_outbox.
#include "storage/sqlite/article_event_store.h"

namespace gazette::storage::sqlite {

Result<std::vector<newsroom::ArticleEvent>> ArticleEventStore::Due(std::int64_t now_ms, int limit) {
  auto st = db_.Prepare(
      "SELECT id, event, article_id, slug, published_at, old_slug, created_at, attempts FROM article_webhook_outbox "
      "WHERE done = 0 AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2");
  st.Bind(1, now_ms).Bind(2, static_cast<std::int64_t>(limit));
  return st.Collect([](const Statement& s) {
    newsroom::ArticleEvent e;
    e.id = s.Int(0);
    e.event = s.Text(1);
    e.article_id = s.Int(2);
    e.slug = s.Text(3);
    e.published_at = s.Int(4);
    e.old_slug = s.Text(5);
    e.created_at = s.Int(6);
    e.attempts = static_cast<int>(s.Int(7));
    return e;
  });
}

Status ArticleEventStore::Finish(std::int64_t id, bool delivered, int attempts) {
  auto st = db_.Prepare("UPDATE article_webhook_outbox SET done = ?2, attempts = ?3 WHERE id = ?1");
  st.Bind(1, id).Bind(2, static_cast<std::int64_t>(delivered ? 1 : 2)).Bind(3, static_cast<std::int64_t>(attempts));
  return st.Run();
}

Status ArticleEventStore::Retry(std::int64_t id, int attempts, std::int64_t next_ms) {
  auto st = db_.Prepare("UPDATE article_webhook_outbox SET attempts = ?2, next_attempt_at = ?3 WHERE id = ?1");
  st.Bind(1, id).Bind(2, static_cast<std::int64_t>(attempts)).Bind(3, next_ms);
  return st.Run();
}

Status ArticleEventStore::DiscardWaiting() {
  // Read first: a write every poll would wake every page cache's change check for nothing.
  auto any = db_.Prepare("SELECT 1 FROM article_webhook_outbox WHERE done = 0 LIMIT 1");
  auto row = any.Step();
  if (!row) return row.error();
  if (!*row) return Status::Ok();
  auto st = db_.Prepare("DELETE FROM article_webhook_outbox WHERE done = 0");
  return st.Run();
}

Status ArticleEventStore::PruneFinished(UnixTime before) {
  auto st = db_.Prepare("DELETE FROM article_webhook_outbox WHERE done != 0 AND created_at < ?1");
  st.Bind(1, before);
  return st.Run();
}

}  // namespace gazette::storage::sqlite
