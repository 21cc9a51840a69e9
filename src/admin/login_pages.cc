// Signing in and out. The login form has no session yet, so it carries a signed, timestamped
// token instead (a cross-site form cannot forge it); attempts are throttled per account, per
// client address and per pair (accounts/login_throttle.h) before the password is checked.
#include "accounts/password.h"
#include "admin/admin_site.h"
#include "common/text.h"
#include "http/form.h"

namespace gazette::admin {

http::Response AdminSite::LoginForm(int status, const std::string& email, const std::string& next,
                                    const std::string& error) const {
  ViewData page;
  page.set("email", text::SanitizeUtf8(email));
  page.set("next", SafeNext(next));
  page.set("token", login_tokens_.Issue(0, d_.clock.Now()));
  if (!error.empty()) page.set("error", error);
  return Page(status, "login", "Sign in", page, nullptr);
}

http::Response AdminSite::LoginPage(const http::Request& req) const {
  if (SignedInVisitor(req)) return SeeOther(SafeNext(req.Query("next").value_or("/admin/")));
  return LoginForm(200, "", req.Query("next").value_or("/admin/"), "");
}

http::Response AdminSite::PostLogin(const http::Request& req) const {
  auto form = http::ParseFormEncoded(req.body);
  if (!form) return LoginForm(400, "", "/admin/", "The form data is malformed.");
  const std::string email = text::AsciiLower(text::Trim(FormValue(*form, "email")));
  const std::string next = FormValue(*form, "next");
  const UnixTime now = d_.clock.Now();
  if (!login_tokens_.Verify(FormValue(*form, "csrf"), 0, now))
    return LoginForm(403, email, next, "This form expired or did not come from this site. Please try again.");

  if (auto wait = d_.throttle.RetryAfter(email, req.remote_ip, now)) {
    http::Response r = LoginForm(429, email, next,
                                 "Too many failed attempts. Please wait " + std::to_string(*wait) +
                                     " seconds before trying again.");
    r.Header("Retry-After", std::to_string(*wait));
    return r;
  }
  auto user = d_.accounts.CheckPassword(email, FormValue(*form, "password"));
  if (!user) {
    if (user.error().code != ErrorCode::kPermissionDenied)
      return LoginForm(503, email, next, "Signing in is not possible right now. Please try again shortly.");
    d_.throttle.RecordFailure(email, req.remote_ip, now);
    return LoginForm(401, email, next, "Wrong email or password.");
  }
  d_.throttle.RecordSuccess(email, req.remote_ip);
  auto session = d_.accounts.StartSession(*user, req.remote_ip, std::string(req.Header("user-agent")));
  if (!session) return LoginForm(503, email, next, "Signing in is not possible right now. Please try again shortly.");
  http::Response r = SeeOther(SafeNext(next));
  r.Header("Set-Cookie", SessionCookie(session->token, accounts::AccountService::kSessionSeconds, SecureCookies()));
  return r;
}

http::Response AdminSite::PostLogout(const Visitor& v) const {
  (void)d_.accounts.EndSession(v.session.id);
  http::Response r = SeeOther("/admin/login");
  r.Header("Set-Cookie", SessionCookie("", 0, SecureCookies()));
  return r;
}

}  // namespace gazette::admin
