// JSON responses of the public read-only APIs (/api/v1/, /wp-json/): open to every origin (CORS),
// cached like reader pages, and field selection (fields=, _fields=).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/error.h"
#include "http/message.h"

namespace gazette::http {

// A 200 JSON response cached as reader pages are (ETag and 304 from the page cache), invalidated
// by `cache_tags`; it carries the CORS headers.
Response ApiJson(const nlohmann::json& body, const char* route, std::vector<std::string> cache_tags);
// An error answer with `body`: status from `code` (http/errors.h), never cached, CORS headers.
Response ApiJsonError(ErrorCode code, const nlohmann::json& body, const char* route);
// The same with an explicit status (404 for an unknown route, 405 for a method it does not take).
Response ApiJsonError(int status, const nlohmann::json& body, const char* route);
// The answer to a CORS preflight (OPTIONS): 204, the methods and headers a client may use.
Response ApiPreflight(const char* route);

// `object` keeping only `fields` (none: all of it). "title.rendered" keeps one member of an object
// member, as WordPress's _fields does; unknown names are ignored.
nlohmann::json SelectFields(const nlohmann::json& object, const std::vector<std::string>& fields);

}  // namespace gazette::http
