// AdminSite: the newsroom's server-rendered admin under /admin (usable without JavaScript).
//
// Every page needs a session (cookie gazette_session); every POST needs the session's CSRF token
// in the form field `csrf` (or the X-CSRF-Token header) and is refused with 403, changing nothing,
// without it. Each page class checks the role rules of its actions (accounts/user.h) on the server.
// Responses carry Cache-Control: no-store and the security headers of web.h.
#pragma once

#include <optional>
#include <string>

#include "accounts/account_service.h"
#include "accounts/login_throttle.h"
#include "admin/account_pages.h"
#include "admin/article_pages.h"
#include "admin/author_pages.h"
#include "admin/comment_pages.h"
#include "admin/login_pages.h"
#include "admin/media_pages.h"
#include "admin/page_kit.h"
#include "admin/revision_pages.h"
#include "admin/settings_pages.h"
#include "admin/user_pages.h"
#include "admin/views.h"
#include "comments/comment_service.h"
#include "common/time.h"
#include "content/article_service.h"
#include "content/editorial_service.h"
#include "content/live_settings.h"
#include "content/site_settings.h"
#include "http/message.h"
#include "media/media_service.h"
#include "newsroom/article_desk.h"

namespace gazette::admin {

struct AdminDeps {
  content::LiveSettings& site;  // reloaded when an administrator saves the settings
  accounts::AccountService& accounts;
  accounts::LoginThrottle& throttle;
  content::ArticleService& articles;
  content::EditorialService& editorial;
  newsroom::ArticleDesk& desk;  // every change of an article
  comments::CommentService& comments;
  media::MediaService& media;
  content::SettingsRepository& settings_store;
  const Clock& clock;
  const AdminViews& views;
  std::string secret;      // the site's secret: signs the login form
  std::string static_dir;  // themes/admin/static, served under /admin/static/
};

// The entry point: finds the visitor, checks the CSRF token, and hands each path to the page
// class that answers it (one per file: login_pages.cc, article_pages.cc ...).
class AdminSite {
 public:
  // The references in `deps` must outlive this.
  explicit AdminSite(AdminDeps deps);

  // True for the paths this site answers (/admin and below).
  static bool Owns(const std::string& path) { return path == "/admin" || path.starts_with("/admin/"); }
  // Answers any request under /admin; never throws for bad input.
  http::Response Handle(const http::Request& req) const;

 private:
  http::Response Route(const http::Request& req) const;
  http::Response RouteSignedIn(const http::Request& req, const Visitor& v, const Form& form) const;
  // Routes under /admin/articles/{id}/...
  http::Response RouteArticle(const http::Request& req, const Visitor& v, const Form& form) const;
  std::optional<Visitor> SignedInVisitor(const http::Request& req) const;
  http::Response StaticFile(const std::string& name) const;

  accounts::AccountService& accounts_;
  std::string static_dir_;
  PageKit kit_;
  LoginPages login_pages_;
  AccountPages account_pages_;
  ArticlePages article_pages_;
  RevisionPages revision_pages_;
  CommentPages comment_pages_;
  UserPages user_pages_;
  AuthorPages author_pages_;
  SettingsPages settings_pages_;
  MediaPages media_pages_;
};

}  // namespace gazette::admin
