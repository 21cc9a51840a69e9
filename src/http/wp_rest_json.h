// The WordPress REST API v2 shapes (developer.wordpress.org/rest-api/reference/) of Gazette's
// published content, in the "view" context: what an anonymous client of a WordPress site gets.
// Never an e-mail address: users have no email field, comments no author_email or author_ip.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "comments/comment.h"
#include "content/article.h"
#include "content/live_settings.h"
#include "media/media.h"

namespace gazette::http {

// What every shape needs: the site, and where the API lives (SITE/wp-json/wp/v2).
struct WpContext {
  const content::SiteView& site;
  std::string api;                       // "https://news.example.org/wp-json/wp/v2"
  std::vector<content::Tag> categories;  // the sections, with their tag ids

  explicit WpContext(const content::SiteView& s) : site(s), api(s.settings.url + "/wp-json/wp/v2") {}
  bool IsCategory(const content::Tag& t) const;
};

// "2026-12-07T09:30:00": WordPress writes times without a zone; the site's is UTC, so date and
// date_gmt agree.
std::string WpDate(UnixTime t);

// A post (type "post") or a page (type "page": parent and menu_order instead of sticky, format
// and the terms).
nlohmann::json WpPost(const WpContext& wp, const content::Article& a, bool is_page);
// A term of taxonomy "category" (a section) or "post_tag"; `count` published articles carry it.
nlohmann::json WpTerm(const WpContext& wp, const content::Tag& tag, int count, bool is_category);
// A user: an author of published articles. `photo` gives avatar_urls.
nlohmann::json WpUser(const WpContext& wp, const content::AuthorProfile& author,
                      const std::optional<media::MediaItem>& photo);
// An approved comment under `article`.
nlohmann::json WpComment(const WpContext& wp, const content::Article& article, const comments::Comment& c);
// An attachment: a library image shown as the featured image of published article `article`.
nlohmann::json WpMedia(const WpContext& wp, const media::MediaItem& item, const content::Article& article);

// {"code", "message", "data": {"status"}}: how WordPress answers an error.
nlohmann::json WpError(const std::string& code, const std::string& message, int status);

}  // namespace gazette::http
