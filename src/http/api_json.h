// The Content API's view of the domain as JSON (/api/v1/): published articles, tags, authors and
// approved comments, with absolute URLs. Only what a reader may see: never an e-mail address, an
// IP address, a user agent or a moderation note.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

#include "comments/comment.h"
#include "content/article.h"
#include "content/live_settings.h"  // SiteView
#include "media/media.h"

namespace gazette::http {

// The article as the API shows it. `with_html` adds the body (single articles, or fields=html);
// `image` is the featured image's library item, when it has one that is still there.
nlohmann::json ArticleJson(const content::SiteView& site, const content::Article& a,
                           const std::optional<media::MediaItem>& image, bool with_html);
// {id, name, slug, url}; `count`, when given, is how many published articles carry it.
nlohmann::json TagJson(const content::SiteSettings& site, const content::Tag& tag, std::optional<int> count = {});
// {id, name, slug, url, bio, photo, count}.
nlohmann::json AuthorJson(const content::SiteSettings& site, const content::AuthorProfile& author,
                          const std::optional<media::MediaItem>& photo);
// {id, article_id, parent_id, author_name, author_url, body, html, created_at, url}.
nlohmann::json CommentJson(const std::string& article_url, const comments::Comment& c);
// The absolute URL of the library item's largest file in its own format, or "".
std::string MediaUrl(const content::SiteSettings& site, const media::MediaItem& item);

}  // namespace gazette::http
