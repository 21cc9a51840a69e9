// The accounts twins: one map per table, keyed by id; lookups by email or token hash scan it.
#include "testing/memory_account_repository.h"

#include <algorithm>

namespace gazette::testing {

using accounts::ApiToken;
using accounts::Session;
using accounts::User;

namespace {

// The row of `map` whose `field` equals `value`, or null.
template <class Map, class Field>
auto FindWhere(Map& map, Field field, std::string_view value) -> decltype(&map.begin()->second) {
  for (auto& [id, row] : map)
    if (row.*field == value) return &row;
  return nullptr;
}

}  // namespace

Result<User> MemoryUserRepository::Insert(const User& u) {
  return db_.With([&](Tables& t) -> Result<User> {
    if (FindWhere(t.users, &User::email, u.email)) return Error::Conflict("A user with this email already exists.");
    User stored = u;
    stored.id = NextId(t.users);
    t.users[stored.id] = stored;
    return stored;
  });
}

Result<User> MemoryUserRepository::FindById(accounts::UserId id) const {
  return db_.With([&](const Tables& t) -> Result<User> {
    auto it = t.users.find(id);
    if (it == t.users.end()) return Error::NotFound("No such user.");
    return it->second;
  });
}

Result<User> MemoryUserRepository::FindByEmail(std::string_view email) const {
  return db_.With([&](const Tables& t) -> Result<User> {
    const User* u = FindWhere(t.users, &User::email, email);
    if (!u) return Error::NotFound("No such user.");
    return *u;
  });
}

Result<std::vector<User>> MemoryUserRepository::List() const {
  return db_.With([](const Tables& t) -> Result<std::vector<User>> {
    std::vector<User> out;
    for (const auto& [id, u] : t.users) out.push_back(u);
    std::stable_sort(out.begin(), out.end(), [](const User& a, const User& b) { return a.email < b.email; });
    return out;
  });
}

Status MemoryUserRepository::Update(const User& u) {
  return db_.With([&](Tables& t) -> Status {
    auto it = t.users.find(u.id);
    if (it == t.users.end()) return Status::Ok();  // as the store: an UPDATE that matched no row
    it->second.name = u.name;
    it->second.role = u.role;
    it->second.password_hash = u.password_hash;
    it->second.disabled = u.disabled;
    return Status::Ok();
  });
}

Result<Session> MemorySessionRepository::Insert(const Session& s) {
  return db_.With([&](Tables& t) -> Result<Session> {
    if (FindWhere(t.sessions, &Session::token_hash, s.token_hash))
      return Error::Conflict("database: UNIQUE constraint failed: sessions.token_hash");
    if (!t.HasUser(s.user_id)) return ForeignKeyFailed();
    Session stored = s;
    stored.id = NextId(t.sessions);
    t.sessions[stored.id] = stored;
    return stored;
  });
}

Result<Session> MemorySessionRepository::FindByTokenHash(std::string_view token_hash) const {
  return db_.With([&](const Tables& t) -> Result<Session> {
    const Session* s = FindWhere(t.sessions, &Session::token_hash, token_hash);
    if (!s) return Error::NotFound("No such session.");
    return *s;
  });
}

Status MemorySessionRepository::Touch(std::int64_t id, UnixTime now) {
  return db_.With([&](Tables& t) -> Status {
    if (auto it = t.sessions.find(id); it != t.sessions.end()) it->second.last_seen_at = now;
    return Status::Ok();
  });
}

Status MemorySessionRepository::Delete(std::int64_t id) {
  return db_.With([&](Tables& t) -> Status {
    t.sessions.erase(id);
    return Status::Ok();
  });
}

Status MemorySessionRepository::DeleteForUser(accounts::UserId user, std::int64_t keep) {
  return db_.With([&](Tables& t) -> Status {
    std::erase_if(t.sessions, [&](const auto& row) { return row.second.user_id == user && row.first != keep; });
    return Status::Ok();
  });
}

Result<std::vector<Session>> MemorySessionRepository::ListForUser(accounts::UserId user) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<Session>> {
    std::vector<Session> out;
    for (const auto& [id, s] : t.sessions)
      if (s.user_id == user) out.push_back(s);
    std::stable_sort(out.begin(), out.end(),
                     [](const Session& a, const Session& b) { return a.last_seen_at > b.last_seen_at; });
    return out;
  });
}

Status MemorySessionRepository::DeleteExpired(UnixTime now) {
  return db_.With([&](Tables& t) -> Status {
    std::erase_if(t.sessions, [&](const auto& row) { return row.second.expires_at <= now; });
    return Status::Ok();
  });
}

Result<ApiToken> MemoryApiTokenRepository::Insert(const ApiToken& token) {
  return db_.With([&](Tables& t) -> Result<ApiToken> {
    if (FindWhere(t.api_tokens, &ApiToken::token_hash, token.token_hash))
      return Error::Conflict("database: UNIQUE constraint failed: api_tokens.token_hash");
    if (!t.HasUser(token.user_id)) return ForeignKeyFailed();
    ApiToken stored = token;
    stored.id = NextId(t.api_tokens);
    stored.last_used_at = 0;
    t.api_tokens[stored.id] = stored;
    ApiToken returned = token;  // as the store returns it: what was given, with its id
    returned.id = stored.id;
    return returned;
  });
}

Result<ApiToken> MemoryApiTokenRepository::FindByTokenHash(std::string_view token_hash) const {
  return db_.With([&](const Tables& t) -> Result<ApiToken> {
    const ApiToken* found = FindWhere(t.api_tokens, &ApiToken::token_hash, token_hash);
    if (!found) return Error::NotFound("No such token.");
    return *found;
  });
}

Status MemoryApiTokenRepository::Touch(std::int64_t id, UnixTime now) {
  return db_.With([&](Tables& t) -> Status {
    if (auto it = t.api_tokens.find(id); it != t.api_tokens.end()) it->second.last_used_at = now;
    return Status::Ok();
  });
}

Result<std::vector<ApiToken>> MemoryApiTokenRepository::ListForUser(accounts::UserId user) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<ApiToken>> {
    std::vector<ApiToken> out;
    for (const auto& [id, token] : t.api_tokens)
      if (token.user_id == user) out.push_back(token);
    return out;
  });
}

Status MemoryApiTokenRepository::Delete(accounts::UserId user, std::int64_t id) {
  return db_.With([&](Tables& t) -> Status {
    if (auto it = t.api_tokens.find(id); it != t.api_tokens.end() && it->second.user_id == user) t.api_tokens.erase(it);
    return Status::Ok();
  });
}

}  // namespace gazette::testing
