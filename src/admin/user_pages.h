// UserPages: the newsroom's users and their roles (/admin/users/...); administrators only.
#pragma once

#include <string>

#include "accounts/account_service.h"
#include "admin/page_kit.h"
#include "http/message.h"

namespace gazette::admin {

class UserPages {
 public:
  // `accounts` must outlive this.
  UserPages(PageKit kit, accounts::AccountService& accounts) : kit_(kit), accounts_(accounts) {}

  // Every user with their role, with a `notice` or an `error` above the list.
  http::Response UsersPage(const Visitor& v, const std::string& notice, const std::string& error,
                           int status = 200) const;
  // POST /admin/users/{action}: add, role, disable, enable or reset (a new password, shown once).
  // Nobody changes their own role or disables themselves.
  http::Response PostUsers(const Visitor& v, const std::string& action, const Form& form) const;

 private:
  PageKit kit_;
  accounts::AccountService& accounts_;
};

}  // namespace gazette::admin
