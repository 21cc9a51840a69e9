// AccountService: adding users, signing in and out, sessions and API tokens.
#pragma once

#include <string>
#include <vector>

#include "accounts/account_repository.h"
#include "accounts/user.h"
#include "common/result.h"
#include "common/time.h"

namespace gazette::accounts {

struct NewUser {
  std::string email;
  std::string name;
  Role role = Role::kContributor;
  std::string password;
};

// A session just started: `token` goes into the cookie and is not kept anywhere else.
struct StartedSession {
  std::string token;
  Session session;
};

struct SignedIn {
  User user;
  Session session;
};

class AccountService {
 public:
  static constexpr UnixTime kSessionSeconds = 14 * 24 * 3600;

  // REQUIRES: the repositories and the clock outlive the service.
  AccountService(UserRepository& users, SessionRepository& sessions, ApiTokenRepository& tokens, const Clock& clock)
      : users_(users), sessions_(sessions), tokens_(tokens), clock_(clock) {}

  // Validates (email, name, password strength) and stores the user with a hashed password.
  // kInvalidArgument names the field; kConflict when the email is taken.
  Result<User> AddUser(const NewUser& user);
  Result<User> FindByEmail(std::string_view email) const { return users_.FindByEmail(email); }
  Result<User> FindById(UserId id) const { return users_.FindById(id); }
  Result<std::vector<User>> ListUsers() const { return users_.List(); }
  Status SetRole(UserId id, Role role);
  // Sets a new password and signs the user out everywhere.
  Status ResetPassword(UserId id, std::string_view password);
  // Disabling also signs the user out and stops their API tokens working.
  Status SetDisabled(UserId id, bool disabled);

  // The user whose email and password these are. kPermissionDenied for a wrong pair, an
  // unknown email or a disabled account (one message for all, so accounts cannot be probed).
  Result<User> CheckPassword(std::string_view email, std::string_view password) const;
  // Checks the current password, sets the new one and ends the user's other sessions.
  Status ChangePassword(UserId id, std::string_view current, std::string_view fresh, std::int64_t keep_session);

  Result<StartedSession> StartSession(const User& user, std::string ip, std::string user_agent);
  // The user and session behind a cookie's token. kPermissionDenied if unknown, expired or the
  // user is disabled.
  Result<SignedIn> ResumeSession(std::string_view token);
  Status EndSession(std::int64_t session_id) { return sessions_.Delete(session_id); }
  Result<std::vector<Session>> Sessions(UserId user) const { return sessions_.ListForUser(user); }
  // Ends one of the user's own sessions; kNotFound if it is not theirs.
  Status RevokeSession(UserId user, std::int64_t session_id);

  // A new API token for the user, returned once ("gzt_" and 64 hex digits).
  Result<std::string> CreateApiToken(UserId user, std::string name);
  // The user behind a bearer token. kPermissionDenied if unknown or the user is disabled.
  Result<User> UserForApiToken(std::string_view token);
  Result<std::vector<ApiToken>> ApiTokens(UserId user) const { return tokens_.ListForUser(user); }
  Status RevokeApiToken(UserId user, std::int64_t id) { return tokens_.Delete(user, id); }

 private:
  UserRepository& users_;
  SessionRepository& sessions_;
  ApiTokenRepository& tokens_;
  const Clock& clock_;
};

}  // namespace gazette::accounts
