// Admin HTTP helpers.
#include "admin/web.h"

#include "common/text.h"

namespace gazette::admin {

std::string CookieValue(const http::Request& req, std::string_view name) {
  for (const auto& [header, value] : req.headers) {
    if (header != "cookie") continue;
    for (auto part : text::SplitTrimmed(value, ';')) {
      std::string_view p = part;
      const std::size_t eq = p.find('=');
      if (eq != std::string_view::npos && text::Trim(p.substr(0, eq)) == name)
        return std::string(text::Trim(p.substr(eq + 1)));
    }
  }
  return {};
}

std::string BearerToken(const http::Request& req) {
  std::string_view auth = text::Trim(req.Header("authorization"));
  if (auth.size() < 7 || text::AsciiLower(auth.substr(0, 7)) != "bearer ") return {};
  return std::string(text::Trim(auth.substr(7)));
}

std::string SessionCookie(std::string_view token, long max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Lax";
  if (secure) c += "; Secure";
  c += "; Max-Age=" + std::to_string(max_age);
  return c;
}

void AddSecurityHeaders(http::Response& r) {
  r.Header("Cache-Control", "no-store");
  r.Header("Content-Security-Policy",
           "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; "
           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  r.Header("X-Frame-Options", "DENY");
  r.Header("Referrer-Policy", "same-origin");
  r.Header("X-Content-Type-Options", "nosniff");
  r.route = r.route == "other" ? "admin" : r.route;
}

http::Response SeeOther(std::string location) { return http::Response::Redirect(303, std::move(location)); }

std::string SafeNext(std::string_view next) {
  if (!next.starts_with("/admin/") || next.find("//") != std::string_view::npos ||
      next.find('\\') != std::string_view::npos || !text::IsValidUtf8(next))
    return "/admin/";
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20) return "/admin/";
  return std::string(next);
}

}  // namespace gazette::admin
