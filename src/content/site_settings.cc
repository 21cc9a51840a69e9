// Site settings stored as strings, with the defaults of SiteSettings for missing keys.
#include "content/site_settings.h"

#include "common/numbers.h"
#include "common/text.h"
#include "content/permalink.h"
#include "content/sections.h"

namespace gazette::content {

std::optional<int> ParsePageSize(std::string_view s) {
  const auto n = ParseInteger<int>(s);
  if (!n || *n < 1 || *n > 100) return std::nullopt;
  return n;
}

std::optional<int> ParseFeedItems(std::string_view s) {
  const auto n = ParseInteger<int>(s);
  if (!n || *n < 1 || *n > 100) return std::nullopt;
  return n;
}

bool IsSettingUrl(std::string_view v) {
  for (unsigned char c : v)
    if (c <= ' ' || c == 0x7F) return false;
  if (v.empty()) return true;
  for (std::string_view scheme : {"http://", "https://"})
    if (v.starts_with(scheme)) return v.size() > scheme.size() && v[scheme.size()] != '/';
  return v.front() == '/' && !v.starts_with("//");
}

std::string AbsoluteUrl(const SiteSettings& site, std::string_view url_or_path) {
  if (url_or_path.empty() || !url_or_path.starts_with('/')) return std::string(url_or_path);
  return site.url + std::string(url_or_path);
}
namespace {

// The robots.txt setting with \r\n and lone \r made \n; kInvalidArgument for text that is not
// UTF-8, holds control characters other than tabs and line ends, or exceeds kMaxRobotsTxtBytes.
Result<std::string> CheckedRobotsTxt(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
        return Error::Invalid("robots.txt holds a control character.", "robots_txt");
      out += c;
    }
  }
  if (out.size() > kMaxRobotsTxtBytes)
    return Error::Invalid("robots.txt is limited to " + std::to_string(kMaxRobotsTxtBytes / 1024) + " KiB.",
                          "robots_txt");
  if (!text::IsValidUtf8(out)) return Error::Invalid("robots.txt is not valid UTF-8 text.", "robots_txt");
  return out;
}

}  // namespace

Result<SiteSettings> LoadSiteSettings(const SettingsRepository& repo) {
  SiteSettings s;
  auto read = [&](std::string_view key, std::string& field) -> Status {
    auto v = repo.Get(key);
    if (!v) return v.error();
    if (*v) field = **v;
    return Status::Ok();
  };
  std::string page_size, feed_items, full_content, sections, footer_menu;
  for (auto [key, field] : {std::pair<std::string_view, std::string*>{"site.title", &s.title},
                            {"site.description", &s.description},
                            {"site.url", &s.url},
                            {"site.language", &s.language},
                            {"site.permalink", &s.permalink},
                            {"site.page_size", &page_size},
                            {"site.publisher_name", &s.publisher_name},
                            {"site.publisher_logo", &s.publisher_logo},
                            {"site.default_image", &s.default_image},
                            {"seo.robots_txt", &s.robots_txt},
                            {"feed.items", &feed_items},
                            {"feed.full_content", &full_content},
                            {"feed.websub_hub", &s.websub_hub},
                            {"site.sections", &sections},
                            {"site.footer_menu", &footer_menu}}) {
    if (auto st = read(key, *field); !st) return st.error();
  }
  s.sections = ParseSections(sections);
  if (auto menu = ParseFooterMenu(footer_menu)) s.footer_menu = std::move(*menu);
  if (auto n = ParsePageSize(page_size)) s.page_size = *n;
  if (auto n = ParseFeedItems(feed_items)) s.feed_items = *n;
  if (!full_content.empty()) s.feed_full_content = full_content != "off";
  return s;
}

Status SaveSiteSettings(SettingsRepository& repo, const SiteSettings& s) {
  if (auto p = Permalink::Parse(s.permalink); !p) return p.error();
  if (s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0)
    return Error::Invalid("The site URL must start with http:// or https://.", "url");
  if (s.title.empty()) return Error::Invalid("The site needs a title.", "title");
  for (auto [value, field] : {std::pair<const std::string&, const char*>{s.publisher_logo, "publisher_logo"},
                              {s.default_image, "default_image"}})
    if (!IsSettingUrl(value))
      return Error::Invalid("An image address starts with http://, https:// or / (an address on this site).", field);
  if (!s.websub_hub.empty() && !s.websub_hub.starts_with("http://") && !s.websub_hub.starts_with("https://"))
    return Error::Invalid("The WebSub hub's address starts with http:// or https://.", "websub_hub");
  if (!IsSettingUrl(s.websub_hub)) return Error::Invalid("The WebSub hub's address is not a URL.", "websub_hub");
  if (s.feed_items < 1 || s.feed_items > 100)
    return Error::Invalid("Feeds list from 1 to 100 articles.", "feed_items");
  std::string url = s.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  auto robots_txt = CheckedRobotsTxt(s.robots_txt);
  if (!robots_txt) return robots_txt.error();
  const std::string footer_menu = FormatFooterMenu(s.footer_menu);
  if (auto menu = ParseFooterMenu(footer_menu); !menu) return menu.error();  // links built in code, checked too
  for (auto [key, value] : {std::pair<std::string_view, std::string>{"site.title", s.title},
                            {"site.description", s.description},
                            {"site.url", url},
                            {"site.language", s.language},
                            {"site.permalink", s.permalink},
                            {"site.page_size", std::to_string(s.page_size)},
                            {"site.publisher_name", s.publisher_name},
                            {"site.publisher_logo", s.publisher_logo},
                            {"site.default_image", s.default_image},
                            {"seo.robots_txt", *robots_txt},
                            {"feed.items", std::to_string(s.feed_items)},
                            {"feed.full_content", s.feed_full_content ? "on" : "off"},
                            {"feed.websub_hub", s.websub_hub},
                            {"site.sections", FormatSections(s.sections)},
                            {"site.footer_menu", footer_menu}}) {
    if (auto st = repo.Set(key, value); !st) return st;
  }
  return Status::Ok();
}

const std::vector<SiteSettingKey>& SiteSettingKeys() {
  static const std::vector<SiteSettingKey> keys = {
      {"site.title", "the site's name, in every page title and the masthead"},
      {"site.description", "the line under the masthead and the home page's description"},
      {"site.url", "the public base URL (http:// or https://), for links, feeds and secure cookies"},
      {"site.language", "the pages' language (lang), e.g. en"},
      {"site.permalink", "where articles live, e.g. /{yyyy}/{mm}/{dd}/{slug}/ ({id} also works)"},
      {"site.page_size", "articles per page on the home page, archives and search (1 to 100)"},
      {"site.publisher_name", "the publisher in search engines' structured data (empty: the site title)"},
      {"site.publisher_logo", "the publisher's logo for search engines: an http(s):// URL or a path on this site"},
      {"site.default_image", "the link-preview image (og:image) of pages without their own: URL or path"},
      {"site.sections", "the navigation menu's sections: `gazette sections set` (tag slug and name per line)"},
      {"site.footer_menu", "the footer's links, one \"Label | /path/\" per line (at most 20; empty: none)"},
      {"feed.items", "articles in each feed (RSS, Atom, JSON Feed), 1 to 100"},
      {"feed.full_content", "on: feed items carry the whole article; off: the excerpt only"},
      {"feed.websub_hub", "a WebSub hub (http(s) URL) told of every published change; empty: none"},
      {"seo.robots_txt", "robots.txt, before the Sitemap lines Gazette adds (at most 32 KiB)"},
      {"site.webhook_urls", "http(s) URLs, comma-separated, that receive article.published, .updated, .unpublished"},
      {"site.webhook_secret", "HMAC-SHA-256 key of the article webhooks' X-Gazette-Signature header"},
  };
  return keys;
}

Status SetSiteSetting(SettingsRepository& repo, std::string_view key, std::string_view value) {
  auto s = LoadSiteSettings(repo);
  if (!s) return s.error();
  const std::string v(value);
  if (key == "site.title")
    s->title = v;
  else if (key == "site.description")
    s->description = v;
  else if (key == "site.url")
    s->url = v;
  else if (key == "site.language")
    s->language = v;
  else if (key == "site.permalink")
    s->permalink = v;
  else if (key == "site.page_size") {
    auto n = ParsePageSize(v);
    if (!n) return Error::Invalid("site.page_size is a number from 1 to 100.", "page_size");
    s->page_size = *n;
  } else if (key == "site.publisher_name") {
    s->publisher_name = v;
  } else if (key == "site.publisher_logo") {
    s->publisher_logo = v;
  } else if (key == "site.default_image") {
    s->default_image = v;
  } else if (key == "site.sections") {
    return Error::Invalid("Sections are tags: set them with `gazette sections set TAG...` or in the admin.", "sections");
  } else if (key == "site.footer_menu") {
    auto menu = ParseFooterMenu(v);
    if (!menu) return menu.error();
    s->footer_menu = std::move(*menu);
  } else if (key == "feed.items") {
    auto n = ParseFeedItems(v);
    if (!n) return Error::Invalid("feed.items is a number from 1 to 100.", "feed_items");
    s->feed_items = *n;
  } else if (key == "feed.full_content") {
    if (v != "on" && v != "off") return Error::Invalid("feed.full_content is on or off.", "feed_full_content");
    s->feed_full_content = v == "on";
  } else if (key == "feed.websub_hub") {
    s->websub_hub = v;
  } else if (key == "seo.robots_txt") {
    s->robots_txt = v;
  } else if (key == "site.webhook_urls" || key == "site.webhook_secret") {
    // Read only by the article webhook sender (newsroom/article_webhooks.h), so not in SiteSettings.
    if (key == "site.webhook_urls")
      for (auto url : text::SplitTrimmed(v, ','))
        if (!url.empty() && ((!url.starts_with("http://") && !url.starts_with("https://")) || !IsSettingUrl(url)))
          return Error::Invalid("Webhook URLs start with http:// or https://: " + std::string(url), "webhook_urls");
    return repo.Set(key, v);
  } else {
    return Error::Invalid("No such site setting: " + std::string(key) + ".");
  }
  return SaveSiteSettings(repo, *s);
}

}  // namespace gazette::content
