// MemoryUserRepository, MemorySessionRepository, MemoryApiTokenRepository: the accounts
// repositories (accounts/account_repository.h) in memory, with the meaning of
// storage/sqlite/account_store.cc.
#pragma once

#include "accounts/account_repository.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository. As in SQLite, the email is unique as
// written (AccountService lowercases it before it gets here), and Update of an unknown id
// changes nothing and returns Ok.
class MemoryUserRepository final : public accounts::UserRepository {
 public:
  explicit MemoryUserRepository(MemoryDatabase& db) : db_(db) {}
  Result<accounts::User> Insert(const accounts::User& user) override;
  Result<accounts::User> FindById(accounts::UserId id) const override;
  Result<accounts::User> FindByEmail(std::string_view email) const override;
  Result<std::vector<accounts::User>> List() const override;
  Status Update(const accounts::User& user) override;

 private:
  MemoryDatabase& db_;
};

// Thread-safe. Token hashes are unique (kConflict); a session's user must exist (kConflict).
class MemorySessionRepository final : public accounts::SessionRepository {
 public:
  explicit MemorySessionRepository(MemoryDatabase& db) : db_(db) {}
  Result<accounts::Session> Insert(const accounts::Session& session) override;
  Result<accounts::Session> FindByTokenHash(std::string_view token_hash) const override;
  Status Touch(std::int64_t id, UnixTime now) override;
  Status Delete(std::int64_t id) override;
  Status DeleteForUser(accounts::UserId user, std::int64_t keep) override;
  Result<std::vector<accounts::Session>> ListForUser(accounts::UserId user) const override;
  Status DeleteExpired(UnixTime now) override;

 private:
  MemoryDatabase& db_;
};

// Thread-safe. Token hashes are unique (kConflict); a token's user must exist (kConflict). A new
// token is stored never used (last_used_at 0), whatever the one given says.
class MemoryApiTokenRepository final : public accounts::ApiTokenRepository {
 public:
  explicit MemoryApiTokenRepository(MemoryDatabase& db) : db_(db) {}
  Result<accounts::ApiToken> Insert(const accounts::ApiToken& token) override;
  Result<accounts::ApiToken> FindByTokenHash(std::string_view token_hash) const override;
  Status Touch(std::int64_t id, UnixTime now) override;
  Result<std::vector<accounts::ApiToken>> ListForUser(accounts::UserId user) const override;
  Status Delete(accounts::UserId user, std::int64_t id) override;

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
