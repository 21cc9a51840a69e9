// AdminSite: sign-in check, CSRF check, then the page or action. Every /admin route is listed here.
#include "admin/admin_site.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accounts/password.h"
#include "common/text.h"
#include "http/form.h"
#include "media/multipart.h"

namespace gazette::admin {

AdminSite::AdminSite(AdminDeps d)
    : accounts_(d.accounts),
      static_dir_(std::move(d.static_dir)),
      kit_(d.site, d.views),
      login_pages_(kit_, d.site, d.accounts, d.throttle, d.clock, d.secret),
      account_pages_(kit_, d.accounts, d.editorial, d.comments),
      article_pages_(kit_, d.site, d.editorial, d.desk, d.comments, d.media),
      revision_pages_(kit_, d.editorial),
      comment_pages_(kit_, d.site, d.comments, d.articles),
      user_pages_(kit_, d.accounts),
      author_pages_(kit_, d.articles, d.media),
      settings_pages_(kit_, d.site, d.comments, d.settings_store, d.articles),
      media_pages_(kit_, d.media) {}

http::Response AdminSite::Handle(const http::Request& req) const {
  http::Response r;
  try {
    r = Route(req);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.target, e.what());
    r = kit_.ErrorPage(500, "Something went wrong", "The admin could not complete this request. Please try again.",
                       nullptr);
  }
  AddSecurityHeaders(r);
  return r;
}

std::optional<Visitor> AdminSite::SignedInVisitor(const http::Request& req) const {
  const std::string token = CookieValue(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto signed_in = accounts_.ResumeSession(token);
  if (!signed_in) return std::nullopt;
  return Visitor{std::move(signed_in->user), std::move(signed_in->session)};
}

http::Response AdminSite::Route(const http::Request& req) const {
  const std::string& path = req.path;
  if (path.starts_with("/admin/static/")) return StaticFile(path.substr(14));
  if (path == "/admin") return SeeOther("/admin/");
  if (path == "/admin/login") {
    if (req.method == "POST") return login_pages_.PostLogin(req);
    if (req.method == "GET") return login_pages_.LoginPage(req, SignedInVisitor(req).has_value());
    return http::Response::Text(405, "Use GET or POST.\n").Header("Allow", "GET, POST");
  }
  auto visitor = SignedInVisitor(req);
  if (req.method == "GET") {
    if (!visitor) return SeeOther("/admin/login?next=" + text::EncodePath(SafeNext(req.target)));
    return RouteSignedIn(req, *visitor, {});
  }
  if (req.method != "POST") return http::Response::Text(405, "Use GET or POST.\n").Header("Allow", "GET, POST");
  if (!visitor) return kit_.ErrorPage(403, "Please sign in", "Your session has ended. Please sign in again.", nullptr);
  Form form;
  const std::string type = text::AsciiLower(req.Header("content-type"));
  if (type.starts_with("application/x-www-form-urlencoded")) {
    auto parsed = http::ParseFormEncoded(req.body);
    if (!parsed) return kit_.ErrorPage(400, "Bad request", "The form data is malformed.", &*visitor);
    form = std::move(*parsed);
  } else if (type.starts_with("multipart/form-data")) {
    auto parts = media::ParseMultipart(req.Header("content-type"), req.body);
    if (parts)
      for (auto& p : *parts)
        if (p.filename.empty()) form.emplace(p.name, std::move(p.data));
  }
  std::string csrf = FormValue(form, "csrf");
  if (csrf.empty()) csrf = std::string(req.Header("x-csrf-token"));
  if (csrf.empty() || !accounts::ConstantTimeEquals(csrf, visitor->session.csrf))
    return kit_.ErrorPage(403, "Form expired",
                          "This form was not sent from your admin session (or it expired). Nothing was changed; "
                          "please go back, reload the page and try again.",
                          &*visitor);
  return RouteSignedIn(req, *visitor, form);
}

// Every signed-in route; each names the page class, and so the file (article_pages_: article_pages.cc).
http::Response AdminSite::RouteSignedIn(const http::Request& req, const Visitor& v, const Form& form) const {
  const std::string& path = req.path;
  const bool post = req.method == "POST";
  if (path == "/admin/logout" && post) return login_pages_.PostLogout(v);
  if (path == "/admin/" && !post) return account_pages_.Dashboard(v);
  if (path == "/admin/account" && !post) return account_pages_.AccountPage(v, "", "");
  if (path == "/admin/account/password" && post) return account_pages_.PostPassword(v, form);
  if (path == "/admin/account/sessions/revoke" && post) return account_pages_.PostRevokeSession(v, form);
  if (path == "/admin/account/tokens" && post) return account_pages_.PostCreateToken(v, form);
  if (path == "/admin/articles" || path == "/admin/comments" || path == "/admin/users" || path == "/admin/pages")
    return SeeOther(path + "/");
  if (path == "/admin/articles/" && !post) return article_pages_.ArticleList(req, v);
  // Static pages: their own list and "new"; then edited at /admin/articles/{id}/ like an article.
  if (path == "/admin/pages/" && !post) return article_pages_.ArticleList(req, v, content::ArticleKind::kPage);
  if (path == "/admin/pages/new")
    return post ? article_pages_.PostEditor(v, form, std::nullopt, content::ArticleKind::kPage)
                : article_pages_.NewArticle(v, content::ArticleKind::kPage);
  if (path == "/admin/articles/new")
    return post ? article_pages_.PostEditor(v, form, std::nullopt) : article_pages_.NewArticle(v);
  if (path == "/admin/preview" && post) return article_pages_.PostPreview(form);
  if (path.starts_with("/admin/articles/")) return RouteArticle(req, v, form);
  if (path == "/admin/comments/")
    return post ? comment_pages_.PostCommentsBulk(v, form) : comment_pages_.CommentsPage(req, v, "");
  if (path.starts_with("/admin/comments/") && path.ends_with("/reply") && post)
    return comment_pages_.PostCommentReply(v, std::string_view(path).substr(16, path.size() - 16 - 6), form);
  if (path == "/admin/users/" && !post) return user_pages_.UsersPage(v, "", "", 200);
  if (path.starts_with("/admin/users/") && post) return user_pages_.PostUsers(v, path.substr(13), form);
  if (path == "/admin/authors") return SeeOther("/admin/authors/");
  if (path == "/admin/authors/" && !post) return author_pages_.AuthorsPage(v);
  if (path.starts_with("/admin/authors/")) {
    const std::string slug = path.substr(15);
    return post ? author_pages_.PostProfile(v, slug, form) : author_pages_.EditPage(v, slug);
  }
  if (path == "/admin/media") return SeeOther("/admin/media/");
  if (path == "/admin/media/" && !post) return media_pages_.MediaPage(v, "", "");
  if (path == "/admin/media/upload" && post) return media_pages_.PostUpload(req, v);
  if (path == "/admin/settings") return post ? settings_pages_.PostSettings(v, form) : settings_pages_.ShowSettings(v);
  return kit_.ErrorPage(404, "Not found", "There is no admin page at this address.", &v);
}

http::Response AdminSite::RouteArticle(const http::Request& req, const Visitor& v, const Form& form) const {
  // /admin/articles/{id}/{edit|trash|restore|revisions[/{rid}[/restore]]}
  std::vector<std::string> parts;
  for (auto& p : text::SplitTrimmed(std::string_view(req.path).substr(16), '/'))
    if (!p.empty()) parts.emplace_back(p);
  const bool post = req.method == "POST";
  auto id = parts.empty() ? std::nullopt : ParseId(parts[0]);
  if (!id || parts.size() < 2) return kit_.ErrorPage(404, "Not found", "There is no admin page at this address.", &v);
  const std::string& what = parts[1];
  if (parts.size() == 2) {
    if (what == "edit") return post ? article_pages_.PostEditor(v, form, *id) : article_pages_.EditPage(req, v, *id);
    if (what == "trash" && post) return article_pages_.PostTrash(v, *id, false);
    if (what == "restore" && post) return article_pages_.PostTrash(v, *id, true);
    if (what == "revisions" && !post) return revision_pages_.RevisionsPage(v, *id, std::nullopt);
  }
  if (what == "revisions" && parts.size() >= 3) {
    auto rid = ParseId(parts[2]);
    if (rid && parts.size() == 3 && !post) return revision_pages_.RevisionsPage(v, *id, *rid);
    if (rid && parts.size() == 4 && parts[3] == "restore" && post)
      return revision_pages_.PostRestoreRevision(v, *id, *rid);
  }
  return kit_.ErrorPage(404, "Not found", "There is no admin page at this address.", &v);
}

http::Response AdminSite::StaticFile(const std::string& name) const {
  if (name != "admin.css" && name != "admin.js") return http::Response::Text(404, "Not found.\n");
  std::ifstream in(std::filesystem::path(static_dir_) / name, std::ios::binary);
  if (!in) return http::Response::Text(404, "Not found.\n");
  std::ostringstream s;
  s << in.rdbuf();
  http::Response r;
  r.body = s.str();
  r.content_type = name.ends_with(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
  r.route = "admin_static";
  return r;
}

}  // namespace gazette::admin
