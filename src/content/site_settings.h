// Site settings: what an administrator configures, kept in storage as key/value pairs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "content/article.h"
#include "content/footer_menu.h"

namespace gazette::content {

// What robots.txt says before its sitemap lines: every crawler may read everything but the
// newsroom, the APIs and search results.
inline constexpr const char* kDefaultRobotsTxt =
    "User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /search\n";
inline constexpr std::size_t kMaxRobotsTxtBytes = 32 * 1024;

struct SiteSettings {
  std::string title = "Gazette";
  std::string description = "News, written by people.";
  std::string url = "http://127.0.0.1:8080";  // public base URL, no trailing slash
  std::string language = "en";
  std::string permalink = "/{yyyy}/{mm}/{dd}/{slug}/";
  int page_size = 10;
  // Search engines and link previews. Each URL is absolute (http/https) or site-relative ("/...").
  std::string publisher_name;  // the Organization in structured data; "" means the site title
  std::string publisher_logo;  // its logo, or ""
  std::string default_image;   // og:image of pages without an image of their own, or ""
  std::string robots_txt = kDefaultRobotsTxt;  // "seo.robots_txt"; lines end in \n

  // The navigation's sections, in menu order (content/sections.h), stored as site.sections.
  std::vector<Tag> sections;
  // The footer's links, in order (content/footer_menu.h), stored as site.footer_menu.
  std::vector<MenuLink> footer_menu;
  // Feeds (RSS, Atom, JSON Feed): how many articles each lists, whether items carry the whole
  // article (aggregators and planet-style readers need it) or the excerpt only, and the WebSub
  // hub told of every change ("": none).
  int feed_items = 20;
  bool feed_full_content = true;
  std::string websub_hub;

  const std::string& PublisherName() const { return publisher_name.empty() ? title : publisher_name; }
};

// Whether `value` may be stored as a setting's URL: "" (unset), an http:// or https:// URL, or a
// site-relative path ("/static/logo.png", not "//host/..."); no spaces or control characters.
bool IsSettingUrl(std::string_view value);
// "20" -> 20: articles per feed, 1 to 100; nullopt for anything else.
std::optional<int> ParseFeedItems(std::string_view s);

// `url_or_path` made absolute against the site's URL; "" stays "".
std::string AbsoluteUrl(const SiteSettings& site, std::string_view url_or_path);

class SettingsRepository {
 public:
  virtual ~SettingsRepository() = default;
  // The value of `key`, or nullopt when it was never set.
  virtual Result<std::optional<std::string>> Get(std::string_view key) const = 0;
  virtual Status Set(std::string_view key, std::string_view value) = 0;
};

// Reads the site settings; keys that were never set keep their defaults.
Result<SiteSettings> LoadSiteSettings(const SettingsRepository& repo);
// Validates (permalink pattern, URL scheme, robots.txt) and stores every field; robots.txt with
// its line ends made \n.
Status SaveSiteSettings(SettingsRepository& repo, const SiteSettings& settings);

// The stored keys ("site.title", ...) with what each one sets.
struct SiteSettingKey {
  const char* key;
  const char* help;
};
const std::vector<SiteSettingKey>& SiteSettingKeys();
// "12" -> 12: a whole number of articles per page from 1 to 100; nullopt for anything else.
std::optional<int> ParsePageSize(std::string_view s);
// Changes one setting ("site.title", "site.page_size", "seo.robots_txt", ...), checked as
// SaveSiteSettings does.
// kInvalidArgument for an unknown key or a bad value.
Status SetSiteSetting(SettingsRepository& repo, std::string_view key, std::string_view value);

}  // namespace gazette::content
