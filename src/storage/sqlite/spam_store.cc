// SpamStore: token counts in spam_tokens, each trained comment's label in spam_training, and the
// sums the classifier needs in spam_totals, all changed in one transaction per decision.
#include "storage/sqlite/spam_store.h"

namespace gazette::storage::sqlite {

Result<comments::SpamTotals> SpamStore::Totals() const {
  auto st = db_.Prepare("SELECT spam_docs, ham_docs, spam_features, ham_features, vocabulary FROM spam_totals");
  auto row = st.Step();
  if (!row) return row.error();
  if (!*row) return comments::SpamTotals{};
  return comments::SpamTotals{st.Int(0), st.Int(1), st.Int(2), st.Int(3), st.Int(4)};
}

Result<std::map<std::string, comments::TokenCounts>> SpamStore::Counts(const std::vector<std::string>& tokens) const {
  std::map<std::string, comments::TokenCounts> out;
  for (const auto& t : tokens) {
    auto q = db_.Prepare("SELECT spam, ham FROM spam_tokens WHERE token = ?1");
    q.Bind(1, t);
    auto row = q.Step();
    if (!row) return row.error();
    if (*row && (q.Int(0) > 0 || q.Int(1) > 0)) out[t] = {q.Int(0), q.Int(1)};
  }
  return out;
}

Status SpamStore::Train(std::int64_t id, const std::vector<std::string>& tokens, bool is_spam) {
  Database::Transaction tx(db_);
  auto prev = db_.Prepare("SELECT is_spam FROM spam_training WHERE comment_id = ?1");
  prev.Bind(1, id);
  auto row = prev.Step();
  if (!row) return row.error();
  const bool relabel = *row;
  if (relabel && (prev.Int(0) != 0) == is_spam) return Status::Ok();
  const std::int64_t spam_step = is_spam ? 1 : (relabel ? -1 : 0);
  const std::int64_t ham_step = is_spam ? (relabel ? -1 : 0) : 1;
  std::int64_t vocabulary = 0;
  for (const auto& t : tokens) {
    comments::TokenCounts before;
    {
      auto q = db_.Prepare("SELECT spam, ham FROM spam_tokens WHERE token = ?1");
      q.Bind(1, t);
      auto found = q.Step();
      if (!found) return found.error();
      if (*found) before = {q.Int(0), q.Int(1)};
    }
    const comments::TokenCounts after{std::max<std::int64_t>(0, before.spam + spam_step),
                                      std::max<std::int64_t>(0, before.ham + ham_step)};
    vocabulary += static_cast<int>(after.spam || after.ham) - static_cast<int>(before.spam || before.ham);
    auto up = db_.Prepare(
        "INSERT INTO spam_tokens (token, spam, ham) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (token) DO UPDATE SET spam = excluded.spam, ham = excluded.ham");
    up.Bind(1, t).Bind(2, after.spam).Bind(3, after.ham);
    if (auto r = up.Run(); !r) return r;
  }
  const auto n = static_cast<std::int64_t>(tokens.size());
  auto totals = db_.Prepare(
      "UPDATE spam_totals SET spam_docs = spam_docs + ?1, ham_docs = ham_docs + ?2, "
      "spam_features = spam_features + ?3, ham_features = ham_features + ?4, vocabulary = vocabulary + ?5");
  totals.Bind(1, spam_step).Bind(2, ham_step).Bind(3, spam_step * n).Bind(4, ham_step * n).Bind(5, vocabulary);
  if (auto r = totals.Run(); !r) return r;
  auto label = db_.Prepare(
      "INSERT INTO spam_training (comment_id, is_spam) VALUES (?1, ?2) "
      "ON CONFLICT (comment_id) DO UPDATE SET is_spam = excluded.is_spam");
  label.Bind(1, id).Bind(2, static_cast<std::int64_t>(is_spam ? 1 : 0));
  if (auto r = label.Run(); !r) return r;
  return tx.Commit();
}

}  // namespace gazette::storage::sqlite
