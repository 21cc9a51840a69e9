// UserStore, SessionStore, ApiTokenStore: the accounts repositories on SQLite.
#pragma once

#include "accounts/account_repository.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class UserStore final : public accounts::UserRepository {
 public:
  explicit UserStore(Database& db) : db_(db) {}
  Result<accounts::User> Insert(const accounts::User& user) override;
  Result<accounts::User> FindById(accounts::UserId id) const override;
  Result<accounts::User> FindByEmail(std::string_view email) const override;
  Result<std::vector<accounts::User>> List() const override;
  Status Update(const accounts::User& user) override;

 private:
  Database& db_;
};

class SessionStore final : public accounts::SessionRepository {
 public:
  explicit SessionStore(Database& db) : db_(db) {}
  Result<accounts::Session> Insert(const accounts::Session& session) override;
  Result<accounts::Session> FindByTokenHash(std::string_view token_hash) const override;
  Status Touch(std::int64_t id, UnixTime now) override;
  Status Delete(std::int64_t id) override;
  Status DeleteForUser(accounts::UserId user, std::int64_t keep) override;
  Result<std::vector<accounts::Session>> ListForUser(accounts::UserId user) const override;
  Status DeleteExpired(UnixTime now) override;

 private:
  Database& db_;
};

class ApiTokenStore final : public accounts::ApiTokenRepository {
 public:
  explicit ApiTokenStore(Database& db) : db_(db) {}
  Result<accounts::ApiToken> Insert(const accounts::ApiToken& token) override;
  Result<accounts::ApiToken> FindByTokenHash(std::string_view token_hash) const override;
  Status Touch(std::int64_t id, UnixTime now) override;
  Result<std::vector<accounts::ApiToken>> ListForUser(accounts::UserId user) const override;
  Status Delete(accounts::UserId user, std::int64_t id) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
