// Comment posting. The article page is cached and identical for everyone, so the form is
// protected by an Origin/Referer check and a signed per-article token, not a session secret.
// Every refusal re-renders the article with the visitor's text kept, under a 4xx status.
#include "http/comment_endpoint.h"

#include "common/numbers.h"
#include "common/text.h"
#include "http/client_ip.h"
#include "http/errors.h"
#include "http/form.h"

namespace gazette::http {
namespace {

// "https://example.org/path" -> "https://example.org".
std::string OriginOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const std::size_t end = url.find('/', scheme + 3);
  return text::AsciiLower(url.substr(0, end));
}

}  // namespace

bool CommentEndpoint::SameOrigin(const Request& req) const {
  const auto site = d_.site.Current();
  std::string_view claimed = req.Header("origin");
  if (claimed.empty()) claimed = req.Header("referer");
  if (claimed.empty()) return true;  // privacy tools strip both; the signed token still applies
  const std::string origin = OriginOf(claimed);
  if (origin == OriginOf(site->settings.url)) return true;
  const std::string_view host = req.Header("host");
  return !host.empty() &&
         (origin == "http://" + text::AsciiLower(host) || origin == "https://" + text::AsciiLower(host));
}

Response CommentEndpoint::PostComment(const Request& req) const {
  const auto site = d_.site.Current();
  const std::string_view type = req.Header("content-type");
  if (!text::AsciiLower(type).starts_with("application/x-www-form-urlencoded"))
    return Response::Text(415, "Send the comment form as application/x-www-form-urlencoded.\n");
  auto fields = ParseFormEncoded(req.body);
  if (!fields) return Response::Text(400, "The form data is malformed.\n");
  auto article_id = ParseId(FormValue(*fields, "article_id"));
  if (!article_id) return Response::Text(400, "The form does not say which article the comment is for.\n");
  auto article = d_.articles.Get(*article_id);
  if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
  if (!article || !article->IsPublished()) return NotFound();

  themes::CommentFormState kept;
  kept.comment = FormValue(*fields, "comment");
  kept.name = FormValue(*fields, "name");
  kept.email = FormValue(*fields, "email");
  kept.website = FormValue(*fields, "website");
  kept.parent = FormValue(*fields, "parent");

  if (!SameOrigin(req)) {
    kept.message = "This comment was sent from another website, so it was not accepted.";
    return pages_.ArticlePage(*article, std::move(kept), false, 403);
  }
  // No token at all is a reader without JavaScript on a page older than the token's lifetime,
  // or a bot: held for moderation, not refused. A token that is there must be genuine and fresh.
  comments::SubmissionMeta meta;
  const std::string token = FormValue(*fields, "token");
  if (!token.empty()) {
    if (auto st = d_.tokens.Verify(token, article->id, d_.clock.Now()); !st) {
      kept.message = st.error().message;
      return pages_.ArticlePage(*article, std::move(kept), false, 403);
    }
    meta.token_issued_at = comments::FormTokenSigner::IssuedAt(token);
  }
  meta.honeypot_filled = !FormValue(*fields, "homepage").empty();
  meta.user_agent = std::string(req.Header("user-agent"));
  auto settings = d_.comments.Settings();
  if (!settings) return Failed(settings.error());
  meta.ip = ClientIp(req, settings->trusted_proxies);

  comments::CommentForm form{article->id, std::nullopt, kept.comment, kept.name, kept.email, kept.website};
  if (!kept.parent.empty()) form.parent_id = ParseId(kept.parent).value_or(-1);
  auto result = d_.comments.Submit(*article, *settings, form, meta);
  if (!result.ok()) return RefusedComment(*article, std::move(kept), result);
  return Response::Redirect(303, text::EncodePath(site->permalink.PathFor(*article)) + "?comment=pending#comments");
}

// Every refusal shows the article again with the visitor's text in the form.
Response CommentEndpoint::RefusedComment(const content::Article& article, themes::CommentFormState kept,
                                         const comments::SubmitResult& result) const {
  int status = 422;
  for (const auto& e : result.errors) {
    if (e.field.empty() || e.field == "parent") {
      kept.message = e.message;
      status = StatusFor(e.code);
    } else {
      kept.field_errors.emplace(e.field, e.message);
    }
  }
  if (result.retry_after > 0) status = 429;
  Response r = pages_.ArticlePage(article, std::move(kept), false, status);
  if (result.retry_after > 0) r.Header("Retry-After", std::to_string(result.retry_after));
  return r;
}

Response CommentEndpoint::CommentToken(const Request& req) const {
  auto id = ParseId(req.Query("article").value_or(""));
  if (!id) return Response::Text(400, "Say which article: /comments/token?article=ID\n");
  auto article = d_.articles.Get(*id);
  if (!article && article.error().code != ErrorCode::kNotFound) {
    Response r = Response::Text(StatusFor(article.error().code), "The article cannot be read just now.\n");
    MarkAsError(r, article.error().code);
    return r;
  }
  if (!article || !article->IsPublished()) return Response::Text(404, "No such article.\n");
  Response r;
  r.content_type = "application/json";
  r.body = "{\"token\":\"" + d_.tokens.Issue(*id, d_.clock.Now()) + "\"}";
  r.Header("Cache-Control", "no-store");
  // A static copy of the site (gazette export static --comments-url) asks from the site's own
  // origin while this server answers at another: let that one origin read the token.
  const std::string site_origin = OriginOf(d_.site.Current()->settings.url);
  if (!site_origin.empty() && OriginOf(req.Header("origin")) == site_origin) {
    r.Header("Access-Control-Allow-Origin", site_origin);
    r.Header("Vary", "Origin");
  }
  r.route = "comment_token";
  return r;
}

}  // namespace gazette::http
