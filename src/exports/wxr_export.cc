// The channel of a WXR export: the site, its authors, categories and tags; then the items,
// written out one by one.
#include "exports/wxr_export.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "exports/wxr_parts.h"

namespace gazette::exports {
namespace {

// The namespaces WordPress's exporter declares; its importer looks elements up by them.
constexpr std::pair<const char*, const char*> kNamespaces[] = {
    {"xmlns:excerpt", "http://wordpress.org/export/1.2/excerpt/"},
    {"xmlns:content", "http://purl.org/rss/1.0/modules/content/"},
    {"xmlns:wfw", "http://wellformedweb.org/CommentAPI/"},
    {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
    {"xmlns:wp", "http://wordpress.org/export/1.2/"},
};

Status Flush(XmlWriter& xml, std::ostream& out) {
  out << xml.TakeWritten();
  if (!out) return Error{ErrorCode::kUnavailable, "Could not write the export.", ""};
  return {};
}

void WriteChannelHead(const content::SiteSettings& site, UnixTime now, XmlWriter& xml) {
  xml.Element("title", site.title);
  xml.Element("link", site.url);
  xml.Element("description", site.description);
  xml.Element("pubDate", FormatHttpDate(now));
  xml.Element("language", site.language);
  xml.Element("wp:wxr_version", "1.2");
  xml.Element("wp:base_site_url", site.url);
  xml.Element("wp:base_blog_url", site.url);
}

// Every author and tag of every article, drafts' too (the site's own lists leave out those only
// drafts have, which an export must not), by id.
std::map<std::int64_t, content::Author> AuthorsOf(const std::vector<content::Article>& articles) {
  std::map<std::int64_t, content::Author> authors;
  for (const content::Article& a : articles) {
    for (const content::Author& author : a.authors) authors.emplace(author.id, author);
  }
  return authors;
}

std::map<std::int64_t, content::Tag> TagsOf(const std::vector<content::Article>& articles) {
  std::map<std::int64_t, content::Tag> tags;
  for (const content::Article& a : articles) {
    for (const content::Tag& t : a.tags) tags.emplace(t.id, t);
  }
  return tags;
}

int WriteAuthors(const WxrSources& sources, const std::vector<content::Article>& articles, XmlWriter& xml) {
  std::map<std::string, std::string> emails;  // a user's name -> their e-mail
  for (const accounts::User& u : sources.users) emails.emplace(u.name, u.email);
  const std::map<std::int64_t, content::Author> authors = AuthorsOf(articles);
  for (const auto& [id, author] : authors) {
    auto email = emails.find(author.name);
    xml.Open("wp:author");
    xml.Element("wp:author_id", std::to_string(id));
    xml.Element("wp:author_login", author.slug);
    xml.Element("wp:author_email", email == emails.end() ? "" : email->second);
    xml.Element("wp:author_display_name", author.name);
    xml.Element("wp:author_first_name", "");
    xml.Element("wp:author_last_name", "");
    xml.Close();
  }
  return static_cast<int>(authors.size());
}

// Tags as wp:tag; the sections (the tags in the navigation) also as categories, numbered after
// the tags so that no two terms share an id.
void WriteTerms(WxrContext& context, const std::vector<content::Article>& articles, XmlWriter& xml) {
  const std::map<std::int64_t, content::Tag> tags = TagsOf(articles);
  std::int64_t next_id = tags.empty() ? 1 : tags.rbegin()->first + 1;
  for (const content::Tag& section : context.sources.site.sections) {
    if (context.category_ids.contains(section.slug)) continue;
    const std::int64_t id = next_id++;
    context.category_ids[section.slug] = id;
    xml.Open("wp:category");
    xml.Element("wp:term_id", std::to_string(id));
    xml.Element("wp:category_nicename", section.slug);
    xml.Element("wp:category_parent", "");
    xml.Element("wp:cat_name", section.name);
    xml.Close();
    ++context.counts.categories;
  }
  for (const auto& [id, t] : tags) {
    xml.Open("wp:tag");
    xml.Element("wp:term_id", std::to_string(t.id));
    xml.Element("wp:tag_slug", t.slug);
    xml.Element("wp:tag_name", t.name);
    xml.Close();
    ++context.counts.tags;
  }
}

// Comments by article, oldest first, so that a reply follows what it answers.
Result<std::map<content::ArticleId, std::vector<comments::Comment>>> CommentsByArticle(const WxrSources& sources) {
  auto all = sources.comments.List(std::nullopt);
  if (!all) return all.error();
  std::map<content::ArticleId, std::vector<comments::Comment>> by_article;
  for (comments::Comment& c : *all) by_article[c.article_id].push_back(std::move(c));
  for (auto& [id, list] : by_article) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
    });
  }
  return by_article;
}

}  // namespace

std::string WpDate(UnixTime t) {
  const CivilDate d = ToCivil(t);
  const std::int64_t secs = ((t % 86400) + 86400) % 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return buf;
}

Result<WxrCounts> WriteWxr(const WxrSources& sources, std::ostream& out) {
  auto permalink = content::Permalink::Parse(sources.site.permalink);
  if (!permalink) return permalink.error();
  auto articles = sources.articles.ListAll(std::nullopt);
  if (!articles) return articles.error();
  auto comments = CommentsByArticle(sources);
  if (!comments) return comments.error();
  auto schedules = sources.editorial.Schedules();
  if (!schedules) return schedules.error();
  auto trashed = sources.editorial.Trashed();
  if (!trashed) return trashed.error();
  WxrContext context{sources, *permalink, {}, 0, std::move(*schedules), std::move(*trashed), {}};
  for (const content::Article& a : *articles) {
    context.attachment_id_base = std::max(context.attachment_id_base, a.id);
    if (a.IsPage()) context.page_ids.emplace(a.slug, a.id);
  }

  XmlWriter xml;
  xml.Open("rss").Attribute("version", "2.0");
  for (const auto& [name, uri] : kNamespaces) xml.Attribute(name, uri);
  xml.Open("channel");
  WriteChannelHead(sources.site, sources.now, xml);
  context.counts.authors = WriteAuthors(sources, *articles, xml);
  WriteTerms(context, *articles, xml);
  xml.Element("generator", "Gazette");
  for (const content::Article& article : *articles) {
    auto it = comments->find(article.id);
    static const std::vector<comments::Comment> kNone;
    if (Status s = WriteArticleItem(context, article, it == comments->end() ? kNone : it->second, xml); !s) {
      return s.error();
    }
    if (Status s = Flush(xml, out); !s) return s.error();
  }
  out << xml.Finish();
  out.flush();
  if (!out) return Error{ErrorCode::kUnavailable, "Could not write the export.", ""};
  return context.counts;
}

}  // namespace gazette::exports
