// Users and roles: who works in the newsroom, and what each role may do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"

namespace gazette::accounts {

using UserId = std::int64_t;

// Ordered by power, as in WordPress and Ghost.
enum class Role { kContributor, kAuthor, kEditor, kAdministrator };

const char* ToString(Role role);
std::optional<Role> ParseRole(std::string_view s);

struct User {
  UserId id = 0;
  std::string email;  // unique, compared without case
  std::string name;   // the byline
  Role role = Role::kContributor;
  std::string password_hash;  // Argon2id in libsodium's string form; never shown or logged
  bool disabled = false;
  UnixTime created_at = 0;
};

// What a user may do. Every check the admin and the API make goes through these, so that the
// rules live in one place and the UI only hides what the server refuses anyway.
// `owner` is the user who created the article (0 when unknown, e.g. imported articles).
bool CanManageUsers(const User& u);       // users and settings: administrators
bool CanModerateComments(const User& u);  // editors and administrators
bool CanEditOthersArticles(const User& u);
// May change this article's text (contributors: only their own unpublished articles).
bool CanEditArticle(const User& u, UserId owner, bool published);
// May publish, schedule or unpublish it (authors: their own; contributors: never).
bool CanPublishArticle(const User& u, UserId owner);
// May move it to the trash or restore it.
bool CanDeleteArticle(const User& u, UserId owner, bool published);

}  // namespace gazette::accounts
