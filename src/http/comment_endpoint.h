// CommentEndpoint: POST /comments and GET /comments/token. The article page is cached and the
// same for everyone, so the form is protected by an Origin/Referer check and a signed
// per-article token, not a session secret.
#pragma once

#include "http/article_pages.h"

namespace gazette::http {

class CommentEndpoint : public ReaderPages {
 public:
  // REQUIRES: `articles` outlives the endpoint (it shows a refused comment on its article).
  CommentEndpoint(ReaderDeps deps, const ArticlePages& articles) : ReaderPages(std::move(deps)), pages_(articles) {}

  // POST /comments: a 303 back to the article, or the article again with the visitor's text kept.
  Response PostComment(const Request& req) const;
  // GET /comments/token?article=ID: a fresh form token (uncached).
  Response CommentToken(const Request& req) const;

 private:
  Response RefusedComment(const content::Article& article, themes::CommentFormState kept,
                          const comments::SubmitResult& result) const;
  bool SameOrigin(const Request& req) const;

  const ArticlePages& pages_;
};

}  // namespace gazette::http
