// JSON forms of the Admin API's values and errors.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "comments/comment.h"
#include "common/error.h"
#include "content/editorial_service.h"
#include "content/permalink.h"
#include "content/site_settings.h"
#include "http/message.h"

namespace gazette::admin {

// The article with its state, tags, and `url`: where it is public (or will be, once published).
nlohmann::json ArticleJson(const content::EditorialArticle& e, const content::SiteSettings& site,
                           const content::Permalink& permalink, UnixTime now);
// A comment for moderators. The commenter's email is left out, as everywhere else.
nlohmann::json CommentJson(const comments::Comment& c);

http::Response JsonResponse(int status, const nlohmann::json& body);
// {"error": {"status", "message", "field"?}}.
http::Response JsonError(int status, const std::string& message, const std::string& field = {});
// The status for `error` (http/errors.h), as JSON.
http::Response JsonError(const Error& error);

}  // namespace gazette::admin
