// Small HTTP helpers for the admin and the Admin API: cookies, bearer tokens, form values,
// ids in paths, and the headers every admin response carries.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/numbers.h"
#include "http/form.h"
#include "http/message.h"

namespace gazette::admin {

inline constexpr const char* kSessionCookie = "gazette_session";

// The value of cookie `name` in the request's Cookie header, or "" when absent.
std::string CookieValue(const http::Request& req, std::string_view name);
// The token of an "Authorization: Bearer TOKEN" header, or "" when absent.
std::string BearerToken(const http::Request& req);
// "gazette_session=TOKEN; Path=/; HttpOnly; SameSite=Lax[; Secure]; Max-Age=N". Max-Age 0 clears.
std::string SessionCookie(std::string_view token, long max_age, bool secure);

// The form parser and the id parser are the reader's too (http/form.h, common/numbers.h).
using gazette::ParseId;
using http::Form;
using http::FormValue;

// Content-Security-Policy, frame, referrer and sniffing rules, and Cache-Control: no-store.
void AddSecurityHeaders(http::Response& r);
// A redirect after a POST (303) or to the login page.
http::Response SeeOther(std::string location);
// A `next` target that stays inside the admin ("/admin/..."), else "/admin/".
std::string SafeNext(std::string_view next);

}  // namespace gazette::admin
