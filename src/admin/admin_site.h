// AdminSite: the newsroom's server-rendered admin under /admin (usable without JavaScript).
//
// Every page needs a session (cookie gazette_session); every POST needs the session's CSRF token
// in the form field `csrf` (or the X-CSRF-Token header) and is refused with 403, changing nothing,
// without it. Role rules are checked here on the server for every action (accounts/user.h).
// Responses carry Cache-Control: no-store and the security headers of web.h.
#pragma once

#include <optional>
#include <string>

#include "accounts/account_service.h"
#include "accounts/login_throttle.h"
#include "admin/page_kit.h"
#include "admin/views.h"
#include "admin/web.h"
#include "comments/comment_service.h"
#include "comments/form_token.h"
#include "common/time.h"
#include "content/article_service.h"
#include "content/editorial_service.h"
#include "content/live_settings.h"
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

// The editor form as posted (and as shown again after a refusal or a preview).
struct EditorForm {
  std::string title, markdown, excerpt, tags, primary_tag, slug, author, status, publish_at, action;
  std::string featured_media;  // a media id; "0" or "": none
  std::string featured_alt, featured_caption;
  std::string comments;  // "default", "open", "closed"; "": unchanged
};

class AdminSite {
 public:
  explicit AdminSite(AdminDeps deps)
      : d_(std::move(deps)), kit_(d_.site, d_.views), login_tokens_(d_.secret + ":admin-login", 2 * 3600) {}

  // True for the paths this site answers (/admin and below).
  static bool Owns(const std::string& path) { return path == "/admin" || path.starts_with("/admin/"); }
  // Answers any request under /admin; never throws for bad input.
  http::Response Handle(const http::Request& req) const;

 private:
  http::Response Route(const http::Request& req) const;
  http::Response RouteSignedIn(const http::Request& req, const Visitor& v, const Form& form) const;
  std::optional<Visitor> SignedInVisitor(const http::Request& req) const;
  bool SecureCookies() const { return d_.site.Current()->settings.url.starts_with("https://"); }

  // login_pages.cc
  http::Response LoginPage(const http::Request& req) const;
  http::Response PostLogin(const http::Request& req) const;
  http::Response LoginForm(int status, const std::string& email, const std::string& next,
                           const std::string& error) const;
  http::Response PostLogout(const Visitor& v) const;
  // account_pages.cc
  http::Response Dashboard(const Visitor& v) const;
  http::Response AccountPage(const Visitor& v, const std::string& notice, const std::string& error,
                             int status = 200) const;
  http::Response PostPassword(const Visitor& v, const Form& form) const;
  http::Response PostRevokeSession(const Visitor& v, const Form& form) const;
  http::Response PostCreateToken(const Visitor& v, const Form& form) const;

  // article_pages.cc
  http::Response ArticleList(const http::Request& req, const Visitor& v) const;
  http::Response Editor(const Visitor& v, const content::EditorialArticle* e, const EditorForm& f,
                        const std::string& error, const std::string& notice, bool preview, int status) const;
  http::Response EditPage(const http::Request& req, const Visitor& v, content::ArticleId id) const;
  http::Response PostEditor(const Visitor& v, const Form& form, std::optional<content::ArticleId> id) const;
  // The media library offered as featured image, `selected` (a media id) checked.
  ViewData FeaturedChoices(const std::string& selected) const;
  static std::optional<content::FeaturedImage> FeaturedFromForm(const EditorForm& f);
  static newsroom::ArticleSubmission SubmissionFromForm(const Visitor& v, const EditorForm& f,
                                                        const content::EditorialArticle* current);
  http::Response PostTrash(const Visitor& v, content::ArticleId id, bool restore) const;
  http::Response PostPreview(const Form& form) const;
  // revision_pages.cc
  http::Response RevisionsPage(const Visitor& v, content::ArticleId id, std::optional<std::int64_t> revision) const;
  http::Response PostRestoreRevision(const Visitor& v, content::ArticleId id, std::int64_t revision) const;
  // comment_pages.cc
  http::Response CommentsPage(const http::Request& req, const Visitor& v, const std::string& notice) const;
  http::Response PostCommentsBulk(const Visitor& v, const Form& form) const;
  http::Response PostCommentReply(const Visitor& v, std::string_view id, const Form& form) const;
  // user_pages.cc
  http::Response UsersPage(const Visitor& v, const std::string& notice, const std::string& error,
                           int status = 200) const;
  http::Response PostUsers(const Visitor& v, const std::string& action, const Form& form) const;
  http::Response SettingsPage(const Visitor& v, const content::SiteSettings& s, const std::string& notice,
                              const std::string& error, int status) const;
  http::Response ShowSettings(const Visitor& v) const;
  http::Response PostSettings(const Visitor& v, const Form& form) const;
  // media_pages.cc
  http::Response MediaPage(const Visitor& v, const std::string& notice, const std::string& error,
                           int status = 200) const;
  http::Response PostUpload(const http::Request& req, const Visitor& v) const;
  // Routes under /admin/articles/{id}/...
  http::Response RouteArticle(const http::Request& req, const Visitor& v, const Form& form) const;

  // Pages (page_kit.h).
  http::Response Page(int status, const std::string& name, const std::string& title, ViewData& page,
                      const Visitor* v) const {
    return kit_.Page(status, name, title, page, v);
  }
  http::Response ErrorPage(int status, const std::string& title, const std::string& message, const Visitor* v) const {
    return kit_.ErrorPage(status, title, message, v);
  }
  http::Response ErrorPage(const Error& error, const Visitor* v) const { return kit_.ErrorPage(error, v); }
  http::Response StaticFile(const std::string& name) const;

  AdminDeps d_;
  PageKit kit_;
  comments::FormTokenSigner login_tokens_;
};

}  // namespace gazette::admin
