// AdminSite routing: sign-in check, CSRF check, then the page or action.
#include "admin/admin_site.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accounts/password.h"
#include "common/text.h"
#include "http/errors.h"
#include "http/form.h"
#include "media/multipart.h"

namespace gazette::admin {

http::Response AdminSite::Handle(const http::Request& req) const {
  http::Response r;
  try {
    r = Route(req);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.target, e.what());
    r = ErrorPage(500, "Something went wrong", "The admin could not complete this request. Please try again.",
                  nullptr);
  }
  AddSecurityHeaders(r);
  return r;
}

std::optional<Visitor> AdminSite::SignedInVisitor(const http::Request& req) const {
  const std::string token = CookieValue(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto signed_in = d_.accounts.ResumeSession(token);
  if (!signed_in) return std::nullopt;
  return Visitor{std::move(signed_in->user), std::move(signed_in->session)};
}

http::Response AdminSite::Route(const http::Request& req) const {
  const std::string& path = req.path;
  if (path.starts_with("/admin/static/")) return StaticFile(path.substr(14));
  if (path == "/admin") return SeeOther("/admin/");
  if (path == "/admin/login") {
    if (req.method == "POST") return PostLogin(req);
    if (req.method == "GET") return LoginPage(req);
    return http::Response::Text(405, "Use GET or POST.\n").Header("Allow", "GET, POST");
  }
  auto visitor = SignedInVisitor(req);
  if (req.method == "GET") {
    if (!visitor) return SeeOther("/admin/login?next=" + text::EncodePath(SafeNext(req.target)));
    return RouteSignedIn(req, *visitor, {});
  }
  if (req.method != "POST") return http::Response::Text(405, "Use GET or POST.\n").Header("Allow", "GET, POST");
  if (!visitor) return ErrorPage(403, "Please sign in", "Your session has ended. Please sign in again.", nullptr);
  Form form;
  const std::string type = text::AsciiLower(req.Header("content-type"));
  if (type.starts_with("application/x-www-form-urlencoded")) {
    auto parsed = http::ParseFormEncoded(req.body);
    if (!parsed) return ErrorPage(400, "Bad request", "The form data is malformed.", &*visitor);
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
    return ErrorPage(403, "Form expired",
                     "This form was not sent from your admin session (or it expired). Nothing was changed; "
                     "please go back, reload the page and try again.",
                     &*visitor);
  return RouteSignedIn(req, *visitor, form);
}

http::Response AdminSite::RouteSignedIn(const http::Request& req, const Visitor& v, const Form& form) const {
  const std::string& path = req.path;
  const bool post = req.method == "POST";
  if (path == "/admin/logout" && post) return PostLogout(v);
  if (path == "/admin/" && !post) return Dashboard(v);
  if (path == "/admin/account" && !post) return AccountPage(v, "", "");
  if (path == "/admin/account/password" && post) return PostPassword(v, form);
  if (path == "/admin/account/sessions/revoke" && post) return PostRevokeSession(v, form);
  if (path == "/admin/account/tokens" && post) return PostCreateToken(v, form);
  if (path == "/admin/articles" || path == "/admin/comments" || path == "/admin/users") return SeeOther(path + "/");
  if (path == "/admin/articles/" && !post) return ArticleList(req, v);
  if (path == "/admin/articles/new") return post ? PostEditor(v, form, std::nullopt) : Editor(v, nullptr, {}, "", "", false, 200);
  if (path == "/admin/preview" && post) return PostPreview(form);
  if (path.starts_with("/admin/articles/")) return RouteArticle(req, v, form);
  if (path == "/admin/comments/") return post ? PostCommentsBulk(v, form) : CommentsPage(req, v, "");
  if (path.starts_with("/admin/comments/") && path.ends_with("/reply") && post)
    return PostCommentReply(v, std::string_view(path).substr(16, path.size() - 16 - 6), form);
  if (path == "/admin/users/" && !post) return UsersPage(v, "", "", 200);
  if (path.starts_with("/admin/users/") && post) return PostUsers(v, path.substr(13), form);
  if (path == "/admin/media" ) return SeeOther("/admin/media/");
  if (path == "/admin/media/" && !post) return MediaPage(v, "", "");
  if (path == "/admin/media/upload" && post) return PostUpload(req, v);
  if (path == "/admin/settings") return post ? PostSettings(v, form) : ShowSettings(v);
  return ErrorPage(404, "Not found", "There is no admin page at this address.", &v);
}

http::Response AdminSite::RouteArticle(const http::Request& req, const Visitor& v, const Form& form) const {
  // /admin/articles/{id}/{edit|trash|restore|revisions[/{rid}[/restore]]}
  std::vector<std::string> parts;
  for (auto& p : text::SplitTrimmed(std::string_view(req.path).substr(16), '/'))
    if (!p.empty()) parts.emplace_back(p);
  const bool post = req.method == "POST";
  auto id = parts.empty() ? std::nullopt : ParseId(parts[0]);
  if (!id || parts.size() < 2) return ErrorPage(404, "Not found", "There is no admin page at this address.", &v);
  const std::string& what = parts[1];
  if (parts.size() == 2) {
    if (what == "edit") return post ? PostEditor(v, form, *id) : EditPage(req, v, *id);
    if (what == "trash" && post) return PostTrash(v, *id, false);
    if (what == "restore" && post) return PostTrash(v, *id, true);
    if (what == "revisions" && !post) return RevisionsPage(v, *id, std::nullopt);
  }
  if (what == "revisions" && parts.size() >= 3) {
    auto rid = ParseId(parts[2]);
    if (rid && parts.size() == 3 && !post) return RevisionsPage(v, *id, *rid);
    if (rid && parts.size() == 4 && parts[3] == "restore" && post) return PostRestoreRevision(v, *id, *rid);
  }
  return ErrorPage(404, "Not found", "There is no admin page at this address.", &v);
}

http::Response AdminSite::StaticFile(const std::string& name) const {
  if (name != "admin.css" && name != "admin.js") return http::Response::Text(404, "Not found.\n");
  std::ifstream in(std::filesystem::path(d_.static_dir) / name, std::ios::binary);
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
