// Site settings stored as strings, with the defaults of SiteSettings for missing keys.
#include "content/site_settings.h"

#include "common/numbers.h"
#include "common/text.h"
#include "content/permalink.h"

namespace gazette::content {

std::optional<int> ParsePageSize(std::string_view s) {
  const auto n = ParseInteger<int>(s);
  if (!n || *n < 1 || *n > 100) return std::nullopt;
  return n;
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
  std::string page_size;
  for (auto [key, field] : {std::pair<std::string_view, std::string*>{"site.title", &s.title},
                            {"site.description", &s.description},
                            {"site.url", &s.url},
                            {"site.language", &s.language},
                            {"site.permalink", &s.permalink},
                            {"site.page_size", &page_size},
                            {"seo.robots_txt", &s.robots_txt}}) {
    if (auto st = read(key, *field); !st) return st.error();
  }
  if (auto n = ParsePageSize(page_size)) s.page_size = *n;
  return s;
}

Status SaveSiteSettings(SettingsRepository& repo, const SiteSettings& s) {
  if (auto p = Permalink::Parse(s.permalink); !p) return p.error();
  if (s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0)
    return Error::Invalid("The site URL must start with http:// or https://.", "url");
  if (s.title.empty()) return Error::Invalid("The site needs a title.", "title");
  std::string url = s.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  auto robots_txt = CheckedRobotsTxt(s.robots_txt);
  if (!robots_txt) return robots_txt.error();
  for (auto [key, value] : {std::pair<std::string_view, std::string>{"site.title", s.title},
                            {"site.description", s.description},
                            {"site.url", url},
                            {"site.language", s.language},
                            {"site.permalink", s.permalink},
                            {"site.page_size", std::to_string(s.page_size)},
                            {"seo.robots_txt", *robots_txt}}) {
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
      {"seo.robots_txt", "robots.txt, before the Sitemap lines Gazette adds (at most 32 KiB)"},
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
  } else if (key == "seo.robots_txt") {
    s->robots_txt = v;
  } else {
    return Error::Invalid("No such site setting: " + std::string(key) + ".");
  }
  return SaveSiteSettings(repo, *s);
}

}  // namespace gazette::content
