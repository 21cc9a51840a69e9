// Role names and the rules of who may do what.
#include "accounts/user.h"

namespace gazette::accounts {

const char* ToString(Role role) {
  switch (role) {
    case Role::kContributor:
      return "contributor";
    case Role::kAuthor:
      return "author";
    case Role::kEditor:
      return "editor";
    case Role::kAdministrator:
      return "administrator";
  }
  return "contributor";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (Role r : {Role::kContributor, Role::kAuthor, Role::kEditor, Role::kAdministrator})
    if (s == ToString(r)) return r;
  return std::nullopt;
}

bool CanManageUsers(const User& u) { return u.role == Role::kAdministrator; }
bool CanModerateComments(const User& u) { return u.role >= Role::kEditor; }
bool CanEditOthersArticles(const User& u) { return u.role >= Role::kEditor; }

bool CanEditArticle(const User& u, UserId owner, bool published) {
  if (u.role >= Role::kEditor) return true;
  if (owner != u.id) return false;
  return u.role == Role::kAuthor || !published;
}

bool CanPublishArticle(const User& u, UserId owner) {
  if (u.role >= Role::kEditor) return true;
  return u.role == Role::kAuthor && owner == u.id;
}

bool CanDeleteArticle(const User& u, UserId owner, bool published) { return CanEditArticle(u, owner, published); }

}  // namespace gazette::accounts
