#include "imports/wordpress/wxr_post.h"

#include <algorithm>

#include "common/text.h"
#include "content/markdown.h"
#include "imports/wordpress/content_converter.h"

namespace gazette::imports::wordpress {
namespace {

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void Merge(std::map<std::string, int>& into, const std::map<std::string, int>& from) {
  for (const auto& [name, n] : from) into[name] += n;
}

// Categories first (each followed by its ancestors, so that a parent's tag page lists its
// children's posts as WordPress's category pages do), then tags; duplicates once.
std::vector<std::string> TagNames(ImportContext& c, const WxrItem& item) {
  std::vector<std::string> names, slugs;
  auto add = [&](const std::string& name) {
    std::string plain = InlineText(name);
    std::string slug = text::Slugify(plain);
    if (slug.empty() || std::find(slugs.begin(), slugs.end(), slug) != slugs.end()) return;
    slugs.push_back(slug);
    names.push_back(std::move(plain));
  };
  for (const auto& ref : item.terms) {
    if (!ref.domain.empty() && ref.domain != "category") continue;
    auto chain = c.index.CategoryChain(ref.slug.empty() ? text::Slugify(ref.name) : ref.slug);
    if (chain.empty()) add(ref.name);
    for (const WxrTerm* term : chain) add(term->name.empty() ? ref.name : term->name);
  }
  for (const auto& ref : item.terms) {
    if (ref.domain == "post_tag") add(ref.name);
    else if (ref.domain == "post_format") ++c.s.post_formats[ref.slug.empty() ? ref.name : ref.slug];
    else if (!ref.domain.empty() && ref.domain != "category") ++c.s.custom_taxonomies[ref.domain];
  }
  return names;
}

// The post's addresses on the old site: ?p=ID (and ?page_id=ID for a page), its permalink, and
// the permalinks it had under earlier slugs (_wp_old_slug).
std::vector<std::string> OldAddresses(const WxrItem& item, std::int64_t id, bool page) {
  std::vector<std::string> out;
  if (id > 0) {
    out.push_back("/?p=" + std::to_string(id));
    if (page) out.push_back("/?page_id=" + std::to_string(id));
  }
  if (!item.link.empty()) out.push_back(item.link);
  for (const auto& [key, value] : item.meta) {
    if (key != "_wp_old_slug" || value.empty()) continue;
    std::string link = item.link;
    const std::size_t at = item.post_name.empty() ? std::string::npos : link.rfind("/" + item.post_name);
    if (at != std::string::npos) out.push_back(link.replace(at + 1, item.post_name.size(), value));
    else out.push_back("/" + value + "/");
  }
  return out;
}

}  // namespace

Result<PostPlan> PlanPost(ImportContext& c, const WxrItem& item, UploadsFolder& uploads) {
  PostPlan plan;
  content::ArticleDraft& d = plan.draft;
  const std::int64_t id = ItemId(item);
  const bool page = item.post_type == "page";
  d.kind = page ? content::ArticleKind::kPage : content::ArticleKind::kArticle;
  const std::optional<UnixTime> date = c.Date(item.post_date_gmt, item.post_date);
  const std::string& status = item.status;
  if (status == "publish" || status.empty()) {
    d.status = content::ArticleStatus::kPublished;
    d.published_at = date.value_or(ParseHttpDate(item.pub_date).value_or(c.now));
  } else if (status == "future") {
    if (!date) return Error::Invalid("scheduled without a date");
    plan.schedule = *date;
  } else if (status == "draft" || status == "pending" || status == "private") {
    d.status = content::ArticleStatus::kDraft;
  } else if (status == "trash") {
    return Error::Invalid("in the trash");
  } else {
    return Error::Invalid("its status \"" + status + "\" has no Gazette meaning");
  }
  if (item.sticky) ++c.s.sticky;

  ConvertOptions convert;
  convert.rewrite_image = [&](std::string_view url) { return uploads.Rewrite(url); };
  convert.find_attachment = [&](long long attachment) -> std::optional<Attachment> {
    auto it = c.index.attachments.find(attachment);
    if (it == c.index.attachments.end()) return std::nullopt;
    return Attachment{it->second.url, it->second.alt, it->second.caption};
  };
  ConvertedContent body = ConvertContent(item.content, convert);
  Merge(c.s.shortcodes, body.unrendered_shortcodes);
  Merge(c.s.html_blocks, body.html_blocks);
  Merge(c.s.dropped_blocks, body.dropped_blocks);
  d.markdown = std::move(body.markdown);
  if (text::Trim(d.markdown).empty()) d.markdown = "*(This post had no text.)*";
  d.title = InlineText(item.title);
  if (d.title.empty()) {
    d.title = item.post_name.empty() ? "Untitled" : PercentDecode(item.post_name);
    c.s.notes.push_back("item " + std::to_string(id) + " has no title; named \"" + d.title + "\"");
  }
  if (!item.excerpt.empty())
    d.excerpt = text::CollapseWhitespace(content::MarkdownToPlainText(ConvertContent(item.excerpt).markdown));
  d.slug = page ? c.index.PagePath(id) : item.post_name;
  if (d.slug.empty()) d.slug = item.post_name;
  d.slug = PercentDecode(d.slug);
  if (!item.creator.empty()) d.authors.push_back(c.index.DisplayName(item.creator));
  d.tags = TagNames(c, item);
  plan.comments_closed = item.comment_status == "closed";
  plan.old_addresses = OldAddresses(item, id, page);
  return plan;
}

}  // namespace gazette::imports::wordpress
