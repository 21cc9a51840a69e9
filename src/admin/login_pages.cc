// Signing in and out. The login form has no session yet, so it carries a signed, timestamped
// token instead (a cross-site form cannot forge it); attempts are throttled per account, per
// client address and per pair (accounts/login_throttle.h) before the password is checked.
#include "admin/login_pages.h"

#include "accounts/password.h"
#include "common/text.h"
#include "http/form.h"

namespace gazette::admin {

LoginPages::LoginPages(PageKit kit, const content::LiveSettings& site, accounts::AccountService& accounts,
                       accounts::LoginThrottle& throttle, const Clock& clock, const std::string& secret)
    : kit_(kit),
      site_(site),
      accounts_(accounts),
      throttle_(throttle),
      clock_(clock),
      login_tokens_(secret + ":admin-login", 2 * 3600) {}

http::Response LoginPages::LoginForm(int status, const std::string& email, const std::string& next,
                                     const std::string& error) const {
  ViewData page;
  page.set("email", text::SanitizeUtf8(email));
  page.set("next", SafeNext(next));
  page.set("token", login_tokens_.Issue(0, clock_.Now()));
  if (!error.empty()) page.set("error", error);
  return kit_.Page(status, "login", "Sign in", page, nullptr);
}

http::Response LoginPages::LoginPage(const http::Request& req, bool signed_in) const {
  if (signed_in) return SeeOther(SafeNext(req.Query("next").value_or("/admin/")));
  return LoginForm(200, "", req.Query("next").value_or("/admin/"), "");
}

http::Response LoginPages::PostLogin(const http::Request& req) const {
  auto form = http::ParseFormEncoded(req.body);
  if (!form) return LoginForm(400, "", "/admin/", "The form data is malformed.");
  const std::string email = text::AsciiLower(text::Trim(FormValue(*form, "email")));
  const std::string next = FormValue(*form, "next");
  const UnixTime now = clock_.Now();
  if (!login_tokens_.Verify(FormValue(*form, "csrf"), 0, now))
    return LoginForm(403, email, next, "This form expired or did not come from this site. Please try again.");

  if (auto wait = throttle_.RetryAfter(email, req.remote_ip, now)) {
    http::Response r =
        LoginForm(429, email, next,
                  "Too many failed attempts. Please wait " + std::to_string(*wait) + " seconds before trying again.");
    r.Header("Retry-After", std::to_string(*wait));
    return r;
  }
  auto user = accounts_.CheckPassword(email, FormValue(*form, "password"));
  if (!user) {
    if (user.error().code != ErrorCode::kPermissionDenied)
      return LoginForm(503, email, next, "Signing in is not possible right now. Please try again shortly.");
    throttle_.RecordFailure(email, req.remote_ip, now);
    return LoginForm(401, email, next, "Wrong email or password.");
  }
  throttle_.RecordSuccess(email, req.remote_ip);
  auto session = accounts_.StartSession(*user, req.remote_ip, std::string(req.Header("user-agent")));
  if (!session) return LoginForm(503, email, next, "Signing in is not possible right now. Please try again shortly.");
  http::Response r = SeeOther(SafeNext(next));
  r.Header("Set-Cookie", SessionCookie(session->token, accounts::AccountService::kSessionSeconds, SecureCookies()));
  return r;
}

http::Response LoginPages::PostLogout(const Visitor& v) const {
  (void)accounts_.EndSession(v.session.id);
  http::Response r = SeeOther("/admin/login");
  r.Header("Set-Cookie", SessionCookie("", 0, SecureCookies()));
  return r;
}

}  // namespace gazette::admin
