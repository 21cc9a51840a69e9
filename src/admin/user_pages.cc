// Users: adding them, their roles, disabling them and resetting passwords. Administrators only.
#include "admin/user_pages.h"

#include "accounts/password.h"
#include "http/errors.h"

namespace gazette::admin {

http::Response UserPages::UsersPage(const Visitor& v, const std::string& notice, const std::string& error,
                                    int status) const {
  if (!accounts::CanManageUsers(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Only administrators manage users.", &v);
  auto users = accounts_.ListUsers();
  if (!users) return kit_.ErrorPage(users.error(), &v);
  ViewData page;
  ViewData rows{ViewData::type::list};
  for (const auto& u : *users) {
    ViewData row;
    row.set("id", std::to_string(u.id));
    row.set("email", u.email);
    row.set("name", u.name);
    row.set("role", accounts::ToString(u.role));
    ViewData roles{ViewData::type::list};
    for (auto r : {accounts::Role::kAdministrator, accounts::Role::kEditor, accounts::Role::kAuthor,
                   accounts::Role::kContributor}) {
      ViewData o;
      o.set("value", accounts::ToString(r));
      if (r == u.role) o.set("selected", true);
      roles.push_back(o);
    }
    row.set("roles", roles);
    if (u.disabled) row.set("disabled", true);
    if (u.id == v.user.id) row.set("self", true);
    rows.push_back(row);
  }
  page.set("users", rows);
  if (!notice.empty()) page.set("notice", notice);
  if (!error.empty()) page.set("error", error);
  return kit_.Page(status, "users", "Users", page, &v);
}

http::Response UserPages::PostUsers(const Visitor& v, const std::string& action, const Form& form) const {
  if (!accounts::CanManageUsers(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Only administrators manage users.", &v);
  if (action == "add") {
    auto role = accounts::ParseRole(FormValue(form, "role"));
    if (!role) return UsersPage(v, "", "Choose a role.", 422);
    const std::string password = accounts::GeneratePassword();
    auto user = accounts_.AddUser({FormValue(form, "email"), FormValue(form, "name"), *role, password});
    if (!user) return UsersPage(v, "", user.error().message, http::StatusFor(user.error().code));
    return UsersPage(v, "Added " + user->email + ". Their password (shown once): " + password, "");
  }
  auto id = ParseId(FormValue(form, "user"));
  if (!id) return UsersPage(v, "", "Which user?", 422);
  auto target = accounts_.FindById(*id);
  if (!target) return UsersPage(v, "", "There is no such user.", 404);
  if (*id == v.user.id && action != "reset")
    return UsersPage(v, "", "You cannot change your own role or disable yourself here.", 422);
  Status st;
  std::string notice;
  if (action == "role") {
    auto role = accounts::ParseRole(FormValue(form, "role"));
    if (!role) return UsersPage(v, "", "Choose a role.", 422);
    st = accounts_.SetRole(*id, *role);
    notice = target->email + " is now " + accounts::ToString(*role) + ".";
  } else if (action == "disable" || action == "enable") {
    st = accounts_.SetDisabled(*id, action == "disable");
    notice = target->email + (action == "disable" ? " is disabled and signed out." : " is enabled.");
  } else if (action == "reset") {
    const std::string password = accounts::GeneratePassword();
    st = accounts_.ResetPassword(*id, password);
    notice = "New password for " + target->email + " (shown once): " + password;
  } else {
    return UsersPage(v, "", "Unknown action.", 404);
  }
  if (!st) return UsersPage(v, "", st.error().message, http::StatusFor(st.error().code));
  return UsersPage(v, notice, "");
}

}  // namespace gazette::admin
