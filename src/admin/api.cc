// AdminApi: authentication, routing and the role rules; handlers turn JSON into service calls.
#include "admin/api.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "admin/api_json.h"
#include "admin/web.h"
#include "common/text.h"

namespace gazette::admin {

using nlohmann::json;

namespace {}  // namespace

http::Response AdminApi::Handle(const http::Request& req) const {
  try {
    const std::string token = BearerToken(req);
    if (token.empty()) return JsonError(401, "Send an API token: Authorization: Bearer TOKEN.");
    auto user = d_.accounts.UserForApiToken(token);
    if (!user) {
      if (user.error().code == ErrorCode::kPermissionDenied) return JsonError(401, user.error().message);
      return JsonError(user.error());
    }
    Call call{req, std::move(*user), nullptr, {}};
    for (auto& p :
         text::SplitTrimmed(std::string_view(req.path).substr(std::min<std::size_t>(req.path.size(), 11)), '/'))
      if (!p.empty()) call.parts.emplace_back(p);
    const bool upload = req.path == "/api/admin/media";
    if (!upload && (req.method == "POST" || req.method == "PATCH" || req.method == "PUT")) {
      if (req.body.size() > kMaxJsonBytes) return JsonError(413, "The request body is larger than 192 KiB.");
      if (!req.body.empty()) {
        if (!text::AsciiLower(req.Header("content-type")).starts_with("application/json"))
          return JsonError(415, "Send the body as application/json.");
        call.body = json::parse(req.body, nullptr, false);
        if (call.body.is_discarded() || !call.body.is_object()) return JsonError(400, "The body is not a JSON object.");
      } else {
        call.body = json::object();
      }
    }
    return Route(call);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.target, e.what());
    return JsonError(500, "Something went wrong; nothing may have been saved.");
  }
}

http::Response AdminApi::Route(Call& c) const {
  const auto& p = c.parts;
  const std::string& m = c.req.method;
  auto not_allowed = [](const char* allow) {
    return JsonError(405, std::string("Use ") + allow + ".").Header("Allow", allow);
  };
  const bool articles = !p.empty() && (p[0] == "articles" || p[0] == "pages");
  if (articles) c.kind = p[0] == "pages" ? content::ArticleKind::kPage : content::ArticleKind::kArticle;
  if (articles && p.size() == 1) {
    if (m == "GET") return ListArticles(c);
    if (m == "POST") return CreateArticle(c);
    return not_allowed("GET, POST");
  }
  if (articles && p.size() >= 2) {
    auto id = ParseId(p[1]);
    if (!id) return JsonError(404, c.kind == content::ArticleKind::kPage ? "No such page." : "No such article.");
    if (p.size() == 2) {
      if (m == "GET") return GetArticle(c, *id);
      if (m == "PATCH") return PatchArticle(c, *id);
      if (m == "DELETE") return DeleteArticle(c, *id);
      return not_allowed("GET, PATCH, DELETE");
    }
    if (p.size() == 3) {
      if (m != "POST") return not_allowed("POST");
      return ArticleAction(c, *id, p[2]);
    }
  }
  if (p.size() == 1 && p[0] == "media") return Media(c);
  if (!p.empty() && p[0] == "authors") return Authors(c);
  if (p.size() == 1 && p[0] == "tags") return m == "GET" ? ListTags(c) : not_allowed("GET");
  if (p.size() == 1 && p[0] == "comments") return m == "GET" ? ListComments(c) : not_allowed("GET");
  if (p.size() == 3 && p[0] == "comments") {
    auto id = ParseId(p[1]);
    if (!id) return JsonError(404, "No such comment.");
    return m == "POST" ? CommentAction(c, *id, p[2]) : not_allowed("POST");
  }
  return JsonError(404, "No such endpoint.");
}

http::Response AdminApi::ListArticles(Call& c) const {
  content::EditorialFilter f;
  if (auto s = c.req.Query("status"); s && !s->empty()) {
    f.state = content::ParseEditorialState(*s);
    if (!f.state) return JsonError(422, "status is draft, scheduled, published or trash.", "status");
  }
  f.tag_slug = c.req.Query("tag").value_or("");
  f.author = c.req.Query("author").value_or("");
  f.query = c.req.Query("q").value_or("");
  f.kind = c.kind;
  auto list = d_.editorial.List(f);
  if (!list) return JsonError(list.error());
  json out = json::array();
  for (const auto& e : *list) out.push_back(ArticleOut(e));
  return JsonResponse(200, {{"articles", out}});
}

Result<content::EditorialArticle> AdminApi::OfKind(const Call& c, content::ArticleId id) const {
  auto e = d_.editorial.Get(id);
  if (e && e->article.kind != c.kind)
    return Error::NotFound(c.kind == content::ArticleKind::kPage ? "No such page." : "No such article.");
  return e;
}

http::Response AdminApi::GetArticle(Call& c, content::ArticleId id) const {
  auto e = OfKind(c, id);
  if (!e) return JsonError(e.error());
  return JsonResponse(200, {{"article", ArticleOut(*e)}});
}

}  // namespace gazette::admin
