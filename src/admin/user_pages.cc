// Users and site settings: administrators only.
#include "accounts/password.h"
#include "admin/admin_site.h"
#include "http/errors.h"
#include "common/text.h"

namespace gazette::admin {

http::Response AdminSite::UsersPage(const Visitor& v, const std::string& notice, const std::string& error,
                                    int status) const {
  if (!accounts::CanManageUsers(v.user))
    return ErrorPage(403, "Not allowed", "Only administrators manage users.", &v);
  auto users = d_.accounts.ListUsers();
  if (!users) return ErrorPage(users.error(), &v);
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
  return Page(status, "users", "Users", page, &v);
}

http::Response AdminSite::PostUsers(const Visitor& v, const std::string& action, const Form& form) const {
  if (!accounts::CanManageUsers(v.user))
    return ErrorPage(403, "Not allowed", "Only administrators manage users.", &v);
  if (action == "add") {
    auto role = accounts::ParseRole(FormValue(form, "role"));
    if (!role) return UsersPage(v, "", "Choose a role.", 422);
    const std::string password = accounts::GeneratePassword();
    auto user = d_.accounts.AddUser({FormValue(form, "email"), FormValue(form, "name"), *role, password});
    if (!user) return UsersPage(v, "", user.error().message, http::StatusFor(user.error().code));
    return UsersPage(v, "Added " + user->email + ". Their password (shown once): " + password, "");
  }
  auto id = ParseId(FormValue(form, "user"));
  if (!id) return UsersPage(v, "", "Which user?", 422);
  auto target = d_.accounts.FindById(*id);
  if (!target) return UsersPage(v, "", "There is no such user.", 404);
  if (*id == v.user.id && action != "reset")
    return UsersPage(v, "", "You cannot change your own role or disable yourself here.", 422);
  Status st;
  std::string notice;
  if (action == "role") {
    auto role = accounts::ParseRole(FormValue(form, "role"));
    if (!role) return UsersPage(v, "", "Choose a role.", 422);
    st = d_.accounts.SetRole(*id, *role);
    notice = target->email + " is now " + accounts::ToString(*role) + ".";
  } else if (action == "disable" || action == "enable") {
    st = d_.accounts.SetDisabled(*id, action == "disable");
    notice = target->email + (action == "disable" ? " is disabled and signed out." : " is enabled.");
  } else if (action == "reset") {
    const std::string password = accounts::GeneratePassword();
    st = d_.accounts.ResetPassword(*id, password);
    notice = "New password for " + target->email + " (shown once): " + password;
  } else {
    return UsersPage(v, "", "Unknown action.", 404);
  }
  if (!st) return UsersPage(v, "", st.error().message, http::StatusFor(st.error().code));
  return UsersPage(v, notice, "");
}

http::Response AdminSite::SettingsPage(const Visitor& v, const content::SiteSettings& s, const std::string& notice,
                                       const std::string& error, int status) const {
  if (!accounts::CanManageUsers(v.user))
    return ErrorPage(403, "Not allowed", "Only administrators change the site's settings.", &v);
  ViewData page;
  page.set("title", s.title);
  page.set("description", s.description);
  page.set("url", s.url);
  page.set("permalink", s.permalink);
  page.set("page_size", std::to_string(s.page_size));
  auto comments = d_.comments.Settings();
  page.set(comments && comments->closed_by_default ? "comments_closed" : "comments_open", true);
  if (!notice.empty()) page.set("notice", notice);
  if (!error.empty()) page.set("error", error);
  return Page(status, "settings", "Settings", page, &v);
}

http::Response AdminSite::ShowSettings(const Visitor& v) const {
  auto s = content::LoadSiteSettings(d_.settings_store);
  if (!s) return ErrorPage(s.error(), &v);
  return SettingsPage(v, *s, "", "", 200);
}

http::Response AdminSite::PostSettings(const Visitor& v, const Form& form) const {
  if (!accounts::CanManageUsers(v.user))
    return ErrorPage(403, "Not allowed", "Only administrators change the site's settings.", &v);
  auto current = content::LoadSiteSettings(d_.settings_store);
  if (!current) return ErrorPage(current.error(), &v);
  content::SiteSettings s = *current;
  s.title = text::CollapseWhitespace(FormValue(form, "title"));
  s.description = text::CollapseWhitespace(FormValue(form, "description"));
  s.url = std::string(text::Trim(FormValue(form, "url")));
  while (s.url.ends_with('/')) s.url.pop_back();
  s.permalink = std::string(text::Trim(FormValue(form, "permalink")));
  auto size = content::ParsePageSize(FormValue(form, "page_size"));
  if (!size) return SettingsPage(v, s, "", "The page size is a number from 1 to 100.", 422);
  s.page_size = *size;
  if (s.title.empty() || !text::IsValidUtf8(s.title) || !text::IsValidUtf8(s.description))
    return SettingsPage(v, s, "", "The site needs a title.", 422);
  if (auto st = content::SaveSiteSettings(d_.settings_store, s); !st)
    return SettingsPage(v, s, "", st.error().message, http::StatusFor(st.error().code));
  const std::string comments = FormValue(form, "comments_default");
  if (comments == "open" || comments == "closed")
    if (auto st = d_.settings_store.Set("comments.closed_by_default", comments == "closed" ? "true" : "false"); !st)
      return SettingsPage(v, s, "", st.error().message, http::StatusFor(st.error().code));
  // The pages follow at once: this server reloads now, others (and the page cache) through the
  // change log.
  if (auto st = d_.site.Reload(); !st) return SettingsPage(v, s, "", st.error().message, http::StatusFor(st.error().code));
  return SettingsPage(v, s, "Saved. The site shows the new settings now.", "", 200);
}

}  // namespace gazette::admin
