// PageKit: the layout around every admin page, and the error page.
#include "admin/page_kit.h"

#include "http/errors.h"

namespace gazette::admin {

http::Response PageKit::Page(int status, const std::string& name, const std::string& title, ViewData& page,
                             const Visitor* v) const {
  const auto site = site_.Current();
  ViewData layout;
  layout.set("title", title);
  layout.set("site_title", site->settings.title);
  layout.set("site_url", site->settings.url + "/");
  if (v) {
    ViewData user;
    user.set("name", v->user.name);
    user.set("role", accounts::ToString(v->user.role));
    layout.set("user", user);
    layout.set("csrf", v->session.csrf);
    page.set("csrf", v->session.csrf);
    if (accounts::CanModerateComments(v->user)) layout.set("can_moderate", true);
    if (accounts::CanManageUsers(v->user)) layout.set("can_manage", true);
  }
  http::Response r;
  r.status = status;
  r.body = views_.Render(name, page, layout);
  r.route = "admin";
  return r;
}

http::Response PageKit::ErrorPage(int status, const std::string& title, const std::string& message,
                                  const Visitor* v) const {
  ViewData page;
  page.set("title", title);
  page.set("message", message);
  return Page(status, "error", title, page, v);
}

http::Response PageKit::ErrorPage(const Error& error, const Visitor* v) const {
  const char* title = "Not done";
  switch (error.code) {
    case ErrorCode::kNotFound:
      title = "Not found";
      break;
    case ErrorCode::kPermissionDenied:
      title = "Not allowed";
      break;
    case ErrorCode::kUnavailable:
      title = "Unavailable";
      break;
    case ErrorCode::kInternal:
      title = "Something went wrong";
      break;
    default:
      break;
  }
  // Rendered as 200 first: MarkAsError sets the status (and Retry-After) from the code.
  http::Response r = ErrorPage(200, title, error.message, v);
  http::MarkAsError(r, error.code);
  return r;
}

}  // namespace gazette::admin
