// AdminApi: the JSON Admin API under /api/admin, authenticated by per-user API tokens
// (Authorization: Bearer gzt_...). The same role rules as the admin apply (accounts/user.h).
//
//   GET    /api/admin/articles[?status=&tag=&author=&q=]   list
//   POST   /api/admin/articles                             create (201)
//   GET    /api/admin/articles/{id}
//   PATCH  /api/admin/articles/{id}                        change fields (and status)
//   DELETE /api/admin/articles/{id}                        move to the trash
//   POST   /api/admin/articles/{id}/publish|unpublish|restore
//   POST   /api/admin/articles/{id}/schedule               {"publish_at": "2026-12-01T09:00:00Z"}
//   ... and the same under /api/admin/pages for static pages (content/pages.h): the same JSON
//   (its "kind" is "page", its "slug" the page's path); an id of the other kind is a 404.
//   GET    /api/admin/tags
//   GET    /api/admin/comments[?status=pending]
//   POST   /api/admin/comments/{id}/approve|spam|trash|pending
//   GET    /api/admin/media                                the media library
//   POST   /api/admin/media                                upload (multipart/form-data: file, alt)
//
// Errors are {"error": {"status": N, "message": "...", "field": "..."}} with 400 (malformed
// JSON), 401 (no or bad token), 403 (role), 404, 405, 409 (slug taken), 413 (body over 192 KiB)
// or 422 (invalid field).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "accounts/account_service.h"
#include "comments/comment_service.h"
#include "common/time.h"
#include "content/editorial_service.h"
#include "content/live_settings.h"
#include "http/message.h"
#include "media/media_service.h"
#include "newsroom/article_desk.h"

namespace gazette::admin {

struct ApiDeps {
  const content::LiveSettings& site;
  accounts::AccountService& accounts;
  content::ArticleService& articles;
  content::EditorialService& editorial;
  newsroom::ArticleDesk& desk;  // every change of an article
  comments::CommentService& comments;
  media::MediaService& media;
  const Clock& clock;
};

class AdminApi {
 public:
  // Below the server's default body limit (256 KiB), so that the refusal is JSON too.
  static constexpr std::size_t kMaxJsonBytes = 192 * 1024;

  explicit AdminApi(ApiDeps deps) : d_(std::move(deps)) {}
  static bool Owns(const std::string& path) { return path == "/api/admin" || path.starts_with("/api/admin/"); }
  // Answers any request under /api/admin; never throws for bad input.
  http::Response Handle(const http::Request& req) const;

 private:
  // One API request: the request, its user and the parsed body.
  struct Call {
    const http::Request& req;
    accounts::User user;
    nlohmann::json body;             // the parsed body of POST/PATCH (an object), else null
    std::vector<std::string> parts;  // path segments after /api/admin/
    content::ArticleKind kind = content::ArticleKind::kArticle;  // under /articles or /pages
  };
  http::Response Route(Call& call) const;
  http::Response ListArticles(Call& call) const;
  http::Response CreateArticle(Call& call) const;
  http::Response GetArticle(Call& call, content::ArticleId id) const;
  http::Response PatchArticle(Call& call, content::ArticleId id) const;
  http::Response DeleteArticle(Call& call, content::ArticleId id) const;
  http::Response ArticleAction(Call& call, content::ArticleId id, const std::string& action) const;
  http::Response ListTags(Call& call) const;
  http::Response ListComments(Call& call) const;
  http::Response CommentAction(Call& call, std::int64_t id, const std::string& action) const;
  http::Response Media(Call& call) const;
  http::Response Authors(Call& call) const;
  // ArticleJson with the article's commenting choice ("comments": "default", "open" or "closed").
  nlohmann::json ArticleOut(const content::EditorialArticle& e) const;
  // The article or page `id` if it is of the call's kind; kNotFound otherwise.
  Result<content::EditorialArticle> OfKind(const Call& call, content::ArticleId id) const;

  ApiDeps d_;
};

}  // namespace gazette::admin
