// Where users, sessions and API tokens are kept. Implemented in storage/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.h"
#include "common/result.h"

namespace gazette::accounts {

// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored.
struct Session {
  std::int64_t id = 0;
  std::string token_hash;
  UserId user_id = 0;
  std::string csrf;  // the token every admin form must send back
  UnixTime created_at = 0;
  UnixTime last_seen_at = 0;
  UnixTime expires_at = 0;
  std::string ip;
  std::string user_agent;
};

// A per-user key for the Admin API. Only its SHA-256 is stored.
struct ApiToken {
  std::int64_t id = 0;
  std::string token_hash;
  UserId user_id = 0;
  std::string name;
  UnixTime created_at = 0;
  UnixTime last_used_at = 0;
};

// Implementations are thread-safe.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kConflict if the email is taken.
  virtual Result<User> Insert(const User& user) = 0;
  // kNotFound when there is no such user.
  virtual Result<User> FindById(UserId id) const = 0;
  virtual Result<User> FindByEmail(std::string_view email) const = 0;
  virtual Result<std::vector<User>> List() const = 0;
  // Replaces role, name, password hash and disabled flag. kNotFound.
  virtual Status Update(const User& user) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Result<Session> Insert(const Session& session) = 0;
  // kNotFound when no session has this token hash.
  virtual Result<Session> FindByTokenHash(std::string_view token_hash) const = 0;
  virtual Status Touch(std::int64_t id, UnixTime now) = 0;
  virtual Status Delete(std::int64_t id) = 0;
  // Deletes every session of the user except `keep` (0: all).
  virtual Status DeleteForUser(UserId user, std::int64_t keep) = 0;
  virtual Result<std::vector<Session>> ListForUser(UserId user) const = 0;
  virtual Status DeleteExpired(UnixTime now) = 0;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;
  virtual Result<ApiToken> Insert(const ApiToken& token) = 0;
  // kNotFound when no token has this hash.
  virtual Result<ApiToken> FindByTokenHash(std::string_view token_hash) const = 0;
  virtual Status Touch(std::int64_t id, UnixTime now) = 0;
  virtual Result<std::vector<ApiToken>> ListForUser(UserId user) const = 0;
  virtual Status Delete(UserId user, std::int64_t id) = 0;
};

}  // namespace gazette::accounts
