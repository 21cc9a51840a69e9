// Accounts on SQLite: users, sessions and API tokens (migration "accounts and editorial").
#include "storage/sqlite/account_store.h"

namespace gazette::storage::sqlite {

using accounts::ApiToken;
using accounts::Session;
using accounts::User;

namespace {

constexpr const char* kUserColumns = "SELECT id, email, name, role, password_hash, disabled, created_at FROM users ";
constexpr const char* kSessionColumns =
    "SELECT id, token_hash, user_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent FROM sessions ";
constexpr const char* kTokenColumns = "SELECT id, token_hash, user_id, name, created_at, last_used_at FROM api_tokens ";

User ReadUser(const Statement& st) {
  User u;
  u.id = st.Int(0);
  u.email = st.Text(1);
  u.name = st.Text(2);
  u.role = accounts::ParseRole(st.Text(3)).value_or(accounts::Role::kContributor);
  u.password_hash = st.Text(4);
  u.disabled = st.Int(5) != 0;
  u.created_at = st.Int(6);
  return u;
}

Session ReadSession(const Statement& st) {
  Session s;
  s.id = st.Int(0);
  s.token_hash = st.Text(1);
  s.user_id = st.Int(2);
  s.csrf = st.Text(3);
  s.created_at = st.Int(4);
  s.last_seen_at = st.Int(5);
  s.expires_at = st.Int(6);
  s.ip = st.Text(7);
  s.user_agent = st.Text(8);
  return s;
}

ApiToken ReadToken(const Statement& st) {
  ApiToken t;
  t.id = st.Int(0);
  t.token_hash = st.Text(1);
  t.user_id = st.Int(2);
  t.name = st.Text(3);
  t.created_at = st.Int(4);
  t.last_used_at = st.Int(5);
  return t;
}

}  // namespace

Result<User> UserStore::Insert(const User& u) {
  auto st = db_.Prepare(
      "INSERT INTO users (email, name, role, password_hash, disabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.Bind(1, u.email).Bind(2, u.name).Bind(3, std::string_view(accounts::ToString(u.role))).Bind(4, u.password_hash);
  st.Bind(5, std::int64_t{u.disabled}).Bind(6, u.created_at);
  if (auto r = st.Run(); !r) {
    if (r.error().code == ErrorCode::kConflict) return Error::Conflict("A user with this email already exists.");
    return r.error();
  }
  User stored = u;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<User> UserStore::FindById(accounts::UserId id) const {
  auto st = db_.Prepare(std::string(kUserColumns) + "WHERE id = ?1");
  st.Bind(1, id);
  return st.One(ReadUser, "No such user.");
}

Result<User> UserStore::FindByEmail(std::string_view email) const {
  auto st = db_.Prepare(std::string(kUserColumns) + "WHERE email = ?1");
  st.Bind(1, email);
  return st.One(ReadUser, "No such user.");
}

Result<std::vector<User>> UserStore::List() const {
  auto st = db_.Prepare(std::string(kUserColumns) + "ORDER BY email");
  return st.Collect(ReadUser);
}

Status UserStore::Update(const User& u) {
  auto st = db_.Prepare("UPDATE users SET name = ?2, role = ?3, password_hash = ?4, disabled = ?5 WHERE id = ?1");
  st.Bind(1, u.id).Bind(2, u.name).Bind(3, std::string_view(accounts::ToString(u.role))).Bind(4, u.password_hash);
  st.Bind(5, std::int64_t{u.disabled});
  return st.Run();
}

Result<Session> SessionStore::Insert(const Session& s) {
  auto st = db_.Prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.Bind(1, s.token_hash).Bind(2, s.user_id).Bind(3, s.csrf).Bind(4, s.created_at).Bind(5, s.last_seen_at);
  st.Bind(6, s.expires_at).Bind(7, s.ip).Bind(8, s.user_agent);
  if (auto r = st.Run(); !r) return r.error();
  Session stored = s;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<Session> SessionStore::FindByTokenHash(std::string_view token_hash) const {
  auto st = db_.Prepare(std::string(kSessionColumns) + "WHERE token_hash = ?1");
  st.Bind(1, token_hash);
  return st.One(ReadSession, "No such session.");
}

Status SessionStore::Touch(std::int64_t id, UnixTime now) {
  auto st = db_.Prepare("UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, now);
  return st.Run();
}

Status SessionStore::Delete(std::int64_t id) {
  auto st = db_.Prepare("DELETE FROM sessions WHERE id = ?1");
  st.Bind(1, id);
  return st.Run();
}

Status SessionStore::DeleteForUser(accounts::UserId user, std::int64_t keep) {
  auto st = db_.Prepare("DELETE FROM sessions WHERE user_id = ?1 AND id != ?2");
  st.Bind(1, user).Bind(2, keep);
  return st.Run();
}

Result<std::vector<Session>> SessionStore::ListForUser(accounts::UserId user) const {
  auto st = db_.Prepare(std::string(kSessionColumns) + "WHERE user_id = ?1 ORDER BY last_seen_at DESC");
  st.Bind(1, user);
  return st.Collect(ReadSession);
}

Status SessionStore::DeleteExpired(UnixTime now) {
  auto st = db_.Prepare("DELETE FROM sessions WHERE expires_at <= ?1");
  st.Bind(1, now);
  return st.Run();
}

Result<ApiToken> ApiTokenStore::Insert(const ApiToken& t) {
  auto st = db_.Prepare(
      "INSERT INTO api_tokens (token_hash, user_id, name, created_at, last_used_at) VALUES (?1, ?2, ?3, ?4, 0)");
  st.Bind(1, t.token_hash).Bind(2, t.user_id).Bind(3, t.name).Bind(4, t.created_at);
  if (auto r = st.Run(); !r) return r.error();
  ApiToken stored = t;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<ApiToken> ApiTokenStore::FindByTokenHash(std::string_view token_hash) const {
  auto st = db_.Prepare(std::string(kTokenColumns) + "WHERE token_hash = ?1");
  st.Bind(1, token_hash);
  return st.One(ReadToken, "No such token.");
}

Status ApiTokenStore::Touch(std::int64_t id, UnixTime now) {
  auto st = db_.Prepare("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, now);
  return st.Run();
}

Result<std::vector<ApiToken>> ApiTokenStore::ListForUser(accounts::UserId user) const {
  auto st = db_.Prepare(std::string(kTokenColumns) + "WHERE user_id = ?1 ORDER BY id");
  st.Bind(1, user);
  return st.Collect(ReadToken);
}

Status ApiTokenStore::Delete(accounts::UserId user, std::int64_t id) {
  auto st = db_.Prepare("DELETE FROM api_tokens WHERE user_id = ?1 AND id = ?2");
  st.Bind(1, user).Bind(2, id);
  return st.Run();
}

}  // namespace gazette::storage::sqlite
