// LoginPages: signing in and out of the admin (/admin/login, /admin/logout).
#pragma once

#include <string>

#include "accounts/account_service.h"
#include "accounts/login_throttle.h"
#include "admin/page_kit.h"
#include "comments/form_token.h"
#include "common/time.h"
#include "content/live_settings.h"
#include "http/message.h"

namespace gazette::admin {

class LoginPages {
 public:
  // `secret` is the site's secret; it signs the login form. The references must outlive this.
  LoginPages(PageKit kit, const content::LiveSettings& site, accounts::AccountService& accounts,
             accounts::LoginThrottle& throttle, const Clock& clock, const std::string& secret);

  // GET /admin/login: the form, or (`signed_in`) a redirect to its safe `next`.
  http::Response LoginPage(const http::Request& req, bool signed_in) const;
  // POST /admin/login: checks the form token and the throttle, then the password; on success
  // starts a session, sets its cookie and redirects to `next`. Else the form again, with 400, 401,
  // 403, 429 (and Retry-After) or 503.
  http::Response PostLogin(const http::Request& req) const;
  // POST /admin/logout: ends the session and clears its cookie.
  http::Response PostLogout(const Visitor& v) const;

 private:
  http::Response LoginForm(int status, const std::string& email, const std::string& next,
                           const std::string& error) const;
  bool SecureCookies() const { return site_.Current()->settings.url.starts_with("https://"); }

  PageKit kit_;
  const content::LiveSettings& site_;
  accounts::AccountService& accounts_;
  accounts::LoginThrottle& throttle_;
  const Clock& clock_;
  comments::FormTokenSigner login_tokens_;
};

}  // namespace gazette::admin
