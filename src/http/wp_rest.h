// A read-only subset of the WordPress REST API v2 (/wp-json/, /wp-json/wp/v2/...), so that tools
// written for WordPress (apps, static-site builders, the wpapi client) read a Gazette site as they
// read a WordPress one: posts, pages, categories, tags, users, comments and media, each with /ID.
// Lists take per_page (at most 100), page, search, slug, categories, tags, post (comments),
// _fields and _embed, and answer X-WP-Total, X-WP-TotalPages and Link rel=next/prev. Errors are
// WordPress's {"code", "message", "data": {"status"}}.
//
// WordPress's categories are Gazette's sections (site.sections): a short list of tags an editor
// chose for the site's navigation, as WordPress sites use their categories. A section keeps its
// tag's id, so categories=ID and tags=ID filter alike.
#pragma once

#include <map>
#include <optional>
#include <string_view>

#include "http/api_listing.h"
#include "http/api_response.h"
#include "http/reader_pages.h"
#include "http/wp_rest_json.h"

namespace gazette::http {

class WpRest : public ReaderPages {
 public:
  using ReaderPages::ReaderPages;

  // Every request under /wp-json: GET and HEAD, and OPTIONS (a CORS preflight). Thread-safe.
  Response Handle(const Request& req) const;

 private:
  // Per request: the settings snapshot, the sections and the _fields and _embed asked for.
  struct Call {
    const Request& req;
    std::shared_ptr<const content::SiteView> site;
    WpContext wp;
    std::vector<std::string> fields;
    bool embed = false;
    // How many published articles carry each tag, by slug: read once, when first needed.
    mutable std::optional<std::map<std::string, int>> tag_counts;
  };
  Result<const std::map<std::string, int>*> TagCounts(const Call& call) const;

  Response Route(Call& call, const std::vector<std::string>& segments) const;
  Response Index(const Call& call) const;
  Response Posts(const Call& call, Collection collection) const;  // wp_rest_posts.cc
  Response OnePost(const Call& call, Collection collection, std::string_view id) const;
  Response Terms(const Call& call, bool categories) const;  // wp_rest_terms.cc
  Response OneTerm(const Call& call, bool categories, std::string_view id) const;
  Response Users(const Call& call) const;
  Response OneUser(const Call& call, std::string_view id) const;
  Response Comments(const Call& call) const;  // wp_rest_comments.cc
  Response OneComment(const Call& call, std::string_view id) const;
  Response Media(const Call& call) const;
  Response OneMedia(const Call& call, std::string_view id) const;

  // A post with its _embedded author, terms and featured image, when _embed asked for them.
  Result<nlohmann::json> PostJson(const Call& call, const content::Article& a, bool is_page) const;
  // The images that published articles show, each with the newest such article, in that order.
  struct PublicImage {
    std::int64_t media_id = 0;
    content::ArticleId article_id = 0;
  };
  Result<std::vector<PublicImage>> PublicImages() const;

  // A list with X-WP-Total, X-WP-TotalPages and Link; `items` already shaped.
  Response List(const Call& call, nlohmann::json items, int page, std::size_t total, int per_page,
                std::vector<std::string> cache_tags) const;
  Response One(const Call& call, const nlohmann::json& item, std::vector<std::string> cache_tags) const;
  static Response Fail(const Error& error, const char* not_found_code = "rest_no_route");
  static Response Invalid(const std::string& param, const std::string& message);
};

}  // namespace gazette::http
