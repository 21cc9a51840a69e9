// The items of a WXR export: an article with its terms, featured image and comments, and the
// featured image as an attachment item of its own (WordPress links them by _thumbnail_id).
#include <string>

#include "comments/commenting.h"
#include "exports/wxr_parts.h"
#include "feeds/absolute_urls.h"

namespace gazette::exports {
namespace {

const char* PostStatus(const WxrContext& context, const content::Article& a) {
  if (context.trashed.contains(a.id)) return "trash";
  if (context.schedules.contains(a.id)) return "future";
  if (!a.IsPublished()) return "draft";
  return a.published_at > context.sources.now ? "future" : "publish";
}

const char* CommentApproved(comments::CommentStatus s) {
  switch (s) {
    case comments::CommentStatus::kApproved: return "1";
    case comments::CommentStatus::kSpam: return "spam";
    case comments::CommentStatus::kTrash: return "trash";
    case comments::CommentStatus::kPending: break;
  }
  return "0";
}

// WordPress keeps a page's path as a parent page and a name: "about/team" is "team" under the
// page at "about" (0 when there is none, and for articles).
std::pair<std::string, std::int64_t> NameAndParent(const WxrContext& context, const content::Article& a) {
  const std::size_t slash = a.slug.rfind('/');
  if (!a.IsPage() || slash == std::string::npos) return {a.slug, 0};
  auto parent = context.page_ids.find(a.slug.substr(0, slash));
  return {a.slug.substr(slash + 1), parent == context.page_ids.end() ? 0 : parent->second};
}

void Dates(XmlWriter& xml, const char* prefix, UnixTime t) {
  const std::string p = std::string("wp:") + prefix;
  xml.Element(p, WpDate(t));
  xml.Element(p + "_gmt", WpDate(t));
}

void PostMeta(XmlWriter& xml, std::string_view key, std::string_view value) {
  xml.Open("wp:postmeta").Element("wp:meta_key", key).Element("wp:meta_value", value).Close();
}

void WriteComment(const comments::Comment& c, XmlWriter& xml) {
  xml.Open("wp:comment");
  xml.Element("wp:comment_id", std::to_string(c.id));
  xml.Element("wp:comment_author", c.name);
  xml.Element("wp:comment_author_email", c.email);
  xml.Element("wp:comment_author_url", c.website);
  xml.Element("wp:comment_author_IP", c.ip);
  xml.Element("wp:comment_date", WpDate(c.created_at));
  xml.Element("wp:comment_date_gmt", WpDate(c.created_at));
  xml.Element("wp:comment_content", c.body);
  xml.Element("wp:comment_approved", CommentApproved(c.status));
  xml.Element("wp:comment_type", "comment");
  xml.Element("wp:comment_parent", std::to_string(c.parent_id.value_or(0)));
  xml.Element("wp:comment_user_id", "0");
  xml.Close();
}

// The featured image as WordPress keeps it: an attachment post whose file is the largest one.
void WriteAttachment(WxrContext& context, const content::Article& article, const media::MediaItem& item,
                     XmlWriter& xml) {
  const content::SiteSettings& site = context.sources.site;
  const media::Variant* file = media::Largest(item);
  const std::string url = site.url + "/media/" + (file ? file->file : std::string());
  const std::string id = std::to_string(context.attachment_id_base + item.id);
  const std::string name = file ? file->file.substr(0, file->file.rfind('.')) : id;
  xml.Open("item");
  xml.Element("title", name);
  xml.Element("link", url);
  xml.Element("pubDate", FormatHttpDate(item.created_at));
  xml.Element("dc:creator", article.authors.empty() ? "" : article.authors.front().slug);
  xml.Open("guid").Attribute("isPermaLink", "false").Text(url).Close();
  xml.Element("description", "");
  xml.Element("content:encoded", "");
  xml.Element("excerpt:encoded", article.featured_image->caption);
  xml.Element("wp:post_id", id);
  Dates(xml, "post_date", item.created_at);
  Dates(xml, "post_modified", item.created_at);
  xml.Element("wp:comment_status", "closed");
  xml.Element("wp:ping_status", "closed");
  xml.Element("wp:post_name", name);
  xml.Element("wp:status", "inherit");
  xml.Element("wp:post_parent", std::to_string(article.id));
  xml.Element("wp:menu_order", "0");
  xml.Element("wp:post_type", "attachment");
  xml.Element("wp:post_password", "");
  xml.Element("wp:is_sticky", "0");
  xml.Element("wp:attachment_url", url);
  PostMeta(xml, "_wp_attachment_image_alt", article.featured_image->alt);
  xml.Close();
  ++context.counts.attachments;
}

}  // namespace

Status WriteArticleItem(WxrContext& context, const content::Article& article,
                        const std::vector<comments::Comment>& comments, XmlWriter& xml) {
  const WxrSources& sources = context.sources;
  const std::string link = sources.site.url + context.permalink.PathFor(article);
  std::optional<media::MediaItem> image;
  if (article.featured_image) {
    auto item = sources.media.FindById(article.featured_image->media_id);
    if (item) image = *item;
    else if (item.error().code != ErrorCode::kNotFound) return item.error();
  }
  auto commenting = sources.comments.Commenting(article.id);
  if (!commenting) return commenting.error();
  // A scheduled article is dated when it will appear, as WordPress dates a "future" post.
  auto scheduled = context.schedules.find(article.id);
  const UnixTime date = scheduled != context.schedules.end() ? scheduled->second
                        : article.published_at != 0      ? article.published_at
                                                         : article.created_at;

  xml.Open("item");
  xml.Element("title", article.title);
  xml.Element("link", link);
  xml.Element("pubDate", FormatHttpDate(date));
  xml.Element("dc:creator", article.authors.empty() ? "" : article.authors.front().slug);
  xml.Open("guid").Attribute("isPermaLink", "false").Text(sources.site.url + "/?p=" + std::to_string(article.id)).Close();
  xml.Element("description", article.excerpt);
  // WordPress stores and shows HTML: the rendered article, its addresses made absolute.
  xml.Element("content:encoded", feeds::AbsoluteUrls(article.html, link));
  xml.Element("excerpt:encoded", article.excerpt);
  xml.Element("wp:post_id", std::to_string(article.id));
  Dates(xml, "post_date", date);
  Dates(xml, "post_modified", article.updated_at != 0 ? article.updated_at : date);
  xml.Element("wp:comment_status", *commenting == comments::ArticleCommenting::kClosed ? "closed" : "open");
  xml.Element("wp:ping_status", "closed");
  const auto [name, parent] = NameAndParent(context, article);
  xml.Element("wp:post_name", name);
  xml.Element("wp:status", PostStatus(context, article));
  xml.Element("wp:post_parent", std::to_string(parent));
  xml.Element("wp:menu_order", "0");
  xml.Element("wp:post_type", article.IsPage() ? "page" : "post");
  xml.Element("wp:post_password", "");
  xml.Element("wp:is_sticky", "0");
  for (const content::Tag& t : article.tags) {
    if (auto it = context.category_ids.find(t.slug); it != context.category_ids.end()) {
      xml.Open("category").Attribute("domain", "category").Attribute("nicename", t.slug).Text(t.name).Close();
    }
    xml.Open("category").Attribute("domain", "post_tag").Attribute("nicename", t.slug).Text(t.name).Close();
  }
  if (image) PostMeta(xml, "_thumbnail_id", std::to_string(context.attachment_id_base + image->id));
  for (const comments::Comment& c : comments) WriteComment(c, xml);
  xml.Close();
  ++(article.IsPage() ? context.counts.pages : context.counts.posts);
  context.counts.comments += static_cast<int>(comments.size());
  if (image) WriteAttachment(context, article, *image, xml);
  return {};
}

}  // namespace gazette::exports
