// AccountPages: the dashboard and the signed-in user's own account (/admin/, /admin/account).
#pragma once

#include <string>

#include "accounts/account_service.h"
#include "admin/page_kit.h"
#include "comments/comment_service.h"
#include "content/editorial_service.h"
#include "http/message.h"

namespace gazette::admin {

class AccountPages {
 public:
  // The services must outlive this.
  AccountPages(PageKit kit, accounts::AccountService& accounts, content::EditorialService& editorial,
               comments::CommentService& comments)
      : kit_(kit), accounts_(accounts), editorial_(editorial), comments_(comments) {}

  // The article counts by state and the comments waiting for moderation.
  http::Response Dashboard(const Visitor& v) const;
  // The user's details, sessions and API tokens, with a `notice` or an `error` above them.
  http::Response AccountPage(const Visitor& v, const std::string& notice, const std::string& error,
                             int status = 200) const;
  // Changing the password signs out every other session of the user.
  http::Response PostPassword(const Visitor& v, const Form& form) const;
  // Revoking the current session redirects to the login page.
  http::Response PostRevokeSession(const Visitor& v, const Form& form) const;
  // The new token is shown once, on the page this returns.
  http::Response PostCreateToken(const Visitor& v, const Form& form) const;

 private:
  PageKit kit_;
  accounts::AccountService& accounts_;
  content::EditorialService& editorial_;
  comments::CommentService& comments_;
};

}  // namespace gazette::admin
