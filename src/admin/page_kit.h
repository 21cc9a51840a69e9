// PageKit: what every admin page needs: the layout it is rendered in, and its error pages.
#pragma once

#include <string>

#include "accounts/account_service.h"
#include "admin/views.h"
#include "admin/web.h"  // Form, SeeOther, cookies: every page class uses them
#include "common/result.h"
#include "content/live_settings.h"
#include "http/message.h"

namespace gazette::admin {

// The signed-in user making a request.
struct Visitor {
  accounts::User user;
  accounts::Session session;
};

// Two references, so each page class keeps its own copy. Both must outlive it.
class PageKit {
 public:
  PageKit(const content::LiveSettings& site, const AdminViews& views) : site_(site), views_(views) {}

  // Template `name` with `page` inside the layout titled `title`. With a visitor, the layout
  // shows the user and both get the session's CSRF token as {{csrf}}; `v` may be null.
  http::Response Page(int status, const std::string& name, const std::string& title, ViewData& page,
                      const Visitor* v) const;
  http::Response ErrorPage(int status, const std::string& title, const std::string& message, const Visitor* v) const;
  // The page for an error: its status and headers from http/errors (503 with Retry-After ...).
  http::Response ErrorPage(const Error& error, const Visitor* v) const;

 private:
  const content::LiveSettings& site_;
  const AdminViews& views_;
};

}  // namespace gazette::admin
