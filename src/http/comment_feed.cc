// Comment feeds (RSS 2.0, written with XmlWriter): approved comments only, newest first, never an
// email address. /comments/feed/ is site-wide (the latest 50), /comments/feed/ID/ one article's
// (latest 200). Both are cached like pages and invalidated by the change log (comments-all, comments:ID).
#include "http/comment_feed.h"

#include <algorithm>
#include <map>

#include "common/numbers.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "themes/comment_html.h"

namespace gazette::http {
namespace {

constexpr const char* kFeedCacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=60";

}  // namespace

Response CommentFeed::Feed(const Request& req) const {
  const auto site = d_.site.Current();
  std::string_view rest = std::string_view(req.path).substr(std::string_view("/comments/feed/").size());
  std::optional<content::Article> only;
  if (!rest.empty()) {
    if (!rest.ends_with('/')) return NotFound();
    rest.remove_suffix(1);
    const auto id = ParseId(rest);
    if (!id) return NotFound();
    auto article = d_.articles.Get(*id);
    if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
    if (!article || !article->IsPublished()) return NotFound();
    only = std::move(*article);
  }
  auto list = only ? d_.comments.Approved(only->id) : d_.comments.repository().RecentApproved(50);
  if (!list) return Failed(list.error());
  std::vector<comments::Comment> items = std::move(*list);
  if (only) {
    std::reverse(items.begin(), items.end());  // newest first, like the site-wide feed
    if (items.size() > 200) items.resize(200);
  }
  std::map<content::ArticleId, std::optional<content::Article>> articles;
  if (only) articles[only->id] = *only;

  const std::string self =
      site->settings.url + (only ? "/comments/feed/" + std::to_string(only->id) + "/" : "/comments/feed/");
  XmlWriter xml;
  xml.Open("rss")
      .Attribute("version", "2.0")
      .Attribute("xmlns:atom", "http://www.w3.org/2005/Atom")
      .Attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xml.Open("channel");
  xml.Element("title", only ? "Comments on \u201c" + only->title + "\u201d | " + site->settings.title
                            : "Comments | " + site->settings.title);
  xml.Element("link",
              only ? site->settings.url + text::EncodePath(site->permalink.PathFor(*only)) : site->settings.url + "/");
  xml.Element("description", "Readers' comments on " + (only ? only->title : site->settings.title));
  xml.Element("language", site->settings.language);
  xml.Open("atom:link")
      .Attribute("href", self)
      .Attribute("rel", "self")
      .Attribute("type", "application/rss+xml")
      .Close();
  if (!items.empty()) xml.Element("lastBuildDate", FormatHttpDate(items.front().created_at));
  for (const auto& c : items) {
    auto& a = articles[c.article_id];
    if (!a) {
      auto found = d_.articles.Get(c.article_id);
      if (!found && found.error().code != ErrorCode::kNotFound) return Failed(found.error());
      if (!found || !found->IsPublished()) continue;
      a = std::move(*found);
    }
    const std::string link =
        site->settings.url + text::EncodePath(site->permalink.PathFor(*a)) + "#comment-" + std::to_string(c.id);
    xml.Open("item");
    xml.Element("title", c.name + " on \u201c" + a->title + "\u201d");
    xml.Element("link", link);
    xml.Open("guid").Attribute("isPermaLink", "true").Text(link).Close();
    xml.Element("dc:creator", c.name);
    xml.Element("pubDate", FormatHttpDate(c.created_at));
    xml.Element("description", themes::CommentBodyHtml(c.body).str());  // HTML, escaped as the text it is
    xml.Close();
  }

  Response r;
  r.content_type = "application/rss+xml; charset=utf-8";
  r.body = xml.Finish();
  r.Header("Cache-Control", kFeedCacheControl);
  r.route = "comment_feed";
  r.cache_tags =
      only ? std::vector<std::string>{"article:" + std::to_string(only->id), "comments:" + std::to_string(only->id)}
           : std::vector<std::string>{"comments-all", "lists"};
  return r;
}

}  // namespace gazette::http
