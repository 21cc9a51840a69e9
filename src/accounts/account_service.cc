// AccountService: tokens are random and stored hashed, so a stolen database opens no session.
#include "accounts/account_service.h"

#include "accounts/password.h"
#include "common/text.h"

namespace gazette::accounts {
namespace {

Error Denied(std::string message) { return {ErrorCode::kPermissionDenied, std::move(message), {}}; }

bool LooksLikeEmail(std::string_view e) {
  const std::size_t at = e.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < e.size() && e.find('@', at + 1) == std::string_view::npos &&
         e.find_first_of(" \t\r\n<>\"") == std::string_view::npos && e.size() <= 254;
}

}  // namespace

Result<User> AccountService::AddUser(const NewUser& nu) {
  User u;
  u.email = text::AsciiLower(text::Trim(nu.email));
  u.name = text::CollapseWhitespace(nu.name);
  if (!text::IsValidUtf8(u.email) || !LooksLikeEmail(u.email))
    return Error::Invalid("Please give a valid email address.", "email");
  if (u.name.empty() || !text::IsValidUtf8(u.name) || text::CountCodePoints(u.name) > 100)
    return Error::Invalid("Please give a name of up to 100 characters.", "name");
  if (auto st = CheckPasswordStrength(nu.password); !st) return st.error();
  auto hash = HashPassword(nu.password);
  if (!hash) return hash.error();
  u.password_hash = std::move(*hash);
  u.role = nu.role;
  u.created_at = clock_.Now();
  return users_.Insert(u);
}

Status AccountService::SetRole(UserId id, Role role) {
  auto u = users_.FindById(id);
  if (!u) return u.error();
  u->role = role;
  return users_.Update(*u);
}

Status AccountService::ResetPassword(UserId id, std::string_view password) {
  if (auto st = CheckPasswordStrength(password); !st) return st;
  auto u = users_.FindById(id);
  if (!u) return u.error();
  auto hash = HashPassword(password);
  if (!hash) return hash.error();
  u->password_hash = std::move(*hash);
  if (auto st = users_.Update(*u); !st) return st;
  return sessions_.DeleteForUser(id, 0);
}

Status AccountService::SetDisabled(UserId id, bool disabled) {
  auto u = users_.FindById(id);
  if (!u) return u.error();
  u->disabled = disabled;
  if (auto st = users_.Update(*u); !st) return st;
  return disabled ? sessions_.DeleteForUser(id, 0) : Status::Ok();
}

Result<User> AccountService::CheckPassword(std::string_view email, std::string_view password) const {
  auto u = users_.FindByEmail(text::AsciiLower(text::Trim(email)));
  if (!u) {
    if (u.error().code != ErrorCode::kNotFound) return u.error();
    VerifyPassword(DummyHash(), password);  // take as long as for a real account
    return Denied("Wrong email or password.");
  }
  if (!VerifyPassword(u->password_hash, password) || u->disabled) return Denied("Wrong email or password.");
  return u;
}

Status AccountService::ChangePassword(UserId id, std::string_view current, std::string_view fresh,
                                      std::int64_t keep_session) {
  auto u = users_.FindById(id);
  if (!u) return u.error();
  if (!VerifyPassword(u->password_hash, current))
    return Error{ErrorCode::kPermissionDenied, "The current password is wrong.", "current_password"};
  if (auto st = CheckPasswordStrength(fresh); !st) return st;
  auto hash = HashPassword(fresh);
  if (!hash) return hash.error();
  u->password_hash = std::move(*hash);
  if (auto st = users_.Update(*u); !st) return st;
  return sessions_.DeleteForUser(id, keep_session);
}

Result<StartedSession> AccountService::StartSession(const User& user, std::string ip, std::string user_agent) {
  const UnixTime now = clock_.Now();
  (void)sessions_.DeleteExpired(now);
  StartedSession s;
  s.token = RandomHex(32);
  s.session.token_hash = Sha256Hex(s.token);
  s.session.user_id = user.id;
  s.session.csrf = RandomHex(32);
  s.session.created_at = s.session.last_seen_at = now;
  s.session.expires_at = now + kSessionSeconds;
  s.session.ip = std::move(ip);
  s.session.user_agent = text::SanitizeUtf8(user_agent.substr(0, 300));
  auto stored = sessions_.Insert(s.session);
  if (!stored) return stored.error();
  s.session = std::move(*stored);
  return s;
}

Result<SignedIn> AccountService::ResumeSession(std::string_view token) {
  if (token.size() != 64) return Denied("Please sign in.");
  auto session = sessions_.FindByTokenHash(Sha256Hex(token));
  if (!session) return session.error().code == ErrorCode::kNotFound ? Denied("Please sign in.") : session.error();
  const UnixTime now = clock_.Now();
  if (session->expires_at <= now) {
    (void)sessions_.Delete(session->id);
    return Denied("Your session has expired. Please sign in again.");
  }
  auto user = users_.FindById(session->user_id);
  if (!user || user->disabled) return Denied("Please sign in.");
  if (now - session->last_seen_at > 60) (void)sessions_.Touch(session->id, now);
  return SignedIn{std::move(*user), std::move(*session)};
}

Status AccountService::RevokeSession(UserId user, std::int64_t session_id) {
  auto mine = sessions_.ListForUser(user);
  if (!mine) return mine.error();
  for (const auto& s : *mine)
    if (s.id == session_id) return sessions_.Delete(session_id);
  return Error::NotFound("No such session.");
}

Result<std::string> AccountService::CreateApiToken(UserId user, std::string name) {
  auto u = users_.FindById(user);
  if (!u) return u.error();
  ApiToken t;
  const std::string token = "gzt_" + RandomHex(32);
  t.token_hash = Sha256Hex(token);
  t.user_id = user;
  t.name = name.empty() ? std::string("API token") : text::SanitizeUtf8(name.substr(0, 100));
  t.created_at = clock_.Now();
  auto stored = tokens_.Insert(t);
  if (!stored) return stored.error();
  return token;
}

Result<User> AccountService::UserForApiToken(std::string_view token) {
  if (!token.starts_with("gzt_") || token.size() != 68) return Denied("The API token is not valid.");
  auto t = tokens_.FindByTokenHash(Sha256Hex(token));
  if (!t) return t.error().code == ErrorCode::kNotFound ? Denied("The API token is not valid.") : t.error();
  auto user = users_.FindById(t->user_id);
  if (!user || user->disabled) return Denied("The API token is not valid.");
  const UnixTime now = clock_.Now();
  if (now - t->last_used_at > 60) (void)tokens_.Touch(t->id, now);
  return user;
}

}  // namespace gazette::accounts
