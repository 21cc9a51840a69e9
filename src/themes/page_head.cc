// PageHead -> the layout's <head> values.
#include "themes/page_head.h"

#include <utility>

#include "common/text.h"
#include "feeds/feed.h"
#include "themes/markup.h"

namespace gazette::themes {
namespace mus = kainjow::mustache;

namespace {

// The territory a bare language code most often means, as Facebook's locales name it.
constexpr std::pair<std::string_view, std::string_view> kDefaultTerritory[] = {
    {"ar", "AR"}, {"cs", "CZ"}, {"cy", "GB"}, {"da", "DK"}, {"de", "DE"}, {"el", "GR"}, {"en", "US"},
    {"es", "ES"}, {"fi", "FI"}, {"fr", "FR"}, {"ga", "IE"}, {"he", "IL"}, {"hi", "IN"}, {"hu", "HU"},
    {"id", "ID"}, {"it", "IT"}, {"ja", "JP"}, {"ko", "KR"}, {"nb", "NO"}, {"nl", "NL"}, {"pl", "PL"},
    {"pt", "PT"}, {"ro", "RO"}, {"ru", "RU"}, {"sv", "SE"}, {"tr", "TR"}, {"uk", "UA"}, {"zh", "CN"},
};

std::string Url(const content::SiteSettings& site, const std::string& path) {
  return path.empty() ? std::string() : content::AbsoluteUrl(site, text::EncodePath(path));
}

mus::data ImageData(const content::SiteSettings& site, const ShareImage& image) {
  mus::data d;
  d.set("url", content::AbsoluteUrl(site, image.url));
  if (image.width > 0 && image.height > 0) {
    d.set("width", std::to_string(image.width));
    d.set("height", std::to_string(image.height));
  }
  if (!image.alt.empty()) d.set("alt", image.alt);
  return d;
}

mus::data ArticleData(const content::SiteSettings& site, const ArticleMeta& a) {
  mus::data d;
  d.set("published_time", FormatIso8601(a.published_at));
  d.set("modified_time", FormatIso8601(a.modified_at));
  mus::data authors{mus::data::type::list};
  for (const auto& url : a.author_urls) authors.push_back(mus::data(content::AbsoluteUrl(site, url)));
  d.set("authors", authors);
  if (!a.section.empty()) d.set("section", a.section);
  mus::data tags{mus::data::type::list};
  for (const auto& t : a.tags) tags.push_back(mus::data(t));
  d.set("tags", tags);
  return d;
}

mus::data OpenGraphData(const content::SiteSettings& site, const PageHead& head, const std::string& description) {
  mus::data og;
  og.set("type", head.og_type);
  og.set("locale", OpenGraphLocale(site.language));
  og.set("title", head.og_title.empty() ? head.title : head.og_title);
  og.set("description", description);
  if (!head.path.empty()) og.set("url", Url(site, head.path));
  if (head.image)
    og.set("image", ImageData(site, *head.image));
  else if (!site.default_image.empty())
    og.set("image", ImageData(site, ShareImage{site.default_image}));
  if (head.article) og.set("article", ArticleData(site, *head.article));
  og.set("twitter_card", head.image ? "summary_large_image" : "summary");
  return og;
}

}  // namespace

std::string OpenGraphLocale(std::string_view language) {
  std::string lang = text::AsciiLower(text::Trim(language));
  const std::size_t sep = lang.find_first_of("-_");
  if (sep != std::string::npos) {
    std::string territory = lang.substr(sep + 1);
    for (char& c : territory)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return lang.substr(0, sep) + "_" + territory;
  }
  for (const auto& [code, territory] : kDefaultTerritory)
    if (code == lang) return lang + "_" + std::string(territory);
  return lang;
}

std::vector<FeedLink> FeedLinks(const std::string& name, const std::string& base) {
  std::vector<FeedLink> links;
  for (feeds::FeedFormat format : feeds::kFeedFormats)
    links.push_back(
        {name + " (" + feeds::FormatName(format) + ")", feeds::FeedPathUnder(base, format), feeds::MediaType(format)});
  return links;
}

mus::data HeadData(const content::SiteSettings& site, const PageHead& head) {
  mus::data d;
  const std::string description = head.description.empty() ? site.description : head.description;
  d.set("page_title", head.title);
  d.set("description", description);
  if (!head.robots.empty()) d.set("robots", head.robots);
  if (!head.path.empty()) d.set("canonical", Url(site, head.path));
  if (!head.prev_path.empty()) d.set("prev_url", Url(site, head.prev_path));
  if (!head.next_path.empty()) d.set("next_url", Url(site, head.next_path));
  if (!head.og_type.empty()) d.set("og", OpenGraphData(site, head, description));
  if (head.og_type == "article" && !head.path.empty()) {
    // oEmbed discovery (http/oembed.h), for tools that unfold a pasted link.
    d.set("oembed_url", site.url + "/oembed?url=" + text::EncodeQueryValue(Url(site, head.path)) + "&format=json");
    d.set("oembed_title", head.og_title);
  }
  if (!head.structured_data.empty()) SetHtml(d, "structured_data_html", head.structured_data);
  mus::data feeds{mus::data::type::list};
  std::vector<FeedLink> links = FeedLinks(site.title, "/");
  links.insert(links.end(), head.feeds.begin(), head.feeds.end());
  for (const auto& f : links) {
    mus::data link;
    link.set("title", f.title);
    link.set("type", f.type);
    link.set("href", Url(site, f.path));
    feeds.push_back(std::move(link));
  }
  d.set("feeds", feeds);
  return d;
}

}  // namespace gazette::themes
