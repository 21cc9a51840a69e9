#include "imports/wordpress/wxr_index.h"

#include <charconv>
#include <set>

#include "common/text.h"
#include "imports/wordpress/php_unserialize.h"

namespace gazette::imports::wordpress {
namespace {

std::int64_t QueryId(std::string_view url) {
  for (std::string_view key : {"?p=", "&p=", "?page_id=", "&page_id="}) {
    const std::size_t at = url.find(key);
    if (at == std::string_view::npos) continue;
    std::string_view digits = url.substr(at + key.size());
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && n > 0) return n;
  }
  return 0;
}

void AddItem(WxrIndex& index, const WxrItem& item) {
  ++index.items;
  const std::int64_t id = ItemId(item);
  if (item.post_type == "attachment") {
    AttachmentInfo a;
    a.url = item.attachment_url.empty() ? item.guid : item.attachment_url;
    a.attached_file = item.Meta("_wp_attached_file");
    if (a.attached_file.empty()) {  // older exports: only the serialised metadata names the file
      auto metadata = PhpUnserialize(item.Meta("_wp_attachment_metadata"));
      const PhpValue* file = metadata ? metadata->Find("file") : nullptr;
      if (file && file->kind == PhpValue::Kind::kString) a.attached_file = file->string;
    }
    a.title = item.title;
    a.alt = item.Meta("_wp_attachment_image_alt");
    a.caption = item.excerpt;
    a.link = item.link;
    a.parent = item.post_parent;
    index.attachments[id] = std::move(a);
  } else if (item.post_type == "page") {
    std::string name = item.post_name.empty() ? text::Slugify(item.title) : item.post_name;
    index.pages[id] = {std::move(name), item.post_parent};
  }
}

}  // namespace

std::int64_t ItemId(const WxrItem& item) {
  if (item.post_id > 0) return item.post_id;
  if (auto id = QueryId(item.guid)) return id;
  return QueryId(item.link);
}

std::string WxrIndex::DisplayName(const std::string& login) const {
  for (const auto& a : authors)
    if (a.login == login) return a.display_name.empty() ? a.login : a.display_name;
  return login;
}

std::string WxrIndex::PagePath(std::int64_t id) const {
  std::string path;
  std::set<std::int64_t> seen;
  for (auto it = pages.find(id); it != pages.end() && seen.insert(it->first).second; it = pages.find(it->second.second)) {
    if (it->second.first.empty()) return "";
    path = path.empty() ? it->second.first : it->second.first + "/" + path;
    if (it->second.second == 0) break;
  }
  return path;
}

std::vector<const WxrTerm*> WxrIndex::CategoryChain(const std::string& slug) const {
  std::vector<const WxrTerm*> chain;
  std::set<std::string> seen;
  for (auto it = categories.find(slug); it != categories.end() && seen.insert(it->first).second;
       it = categories.find(it->second.parent_slug))
    chain.push_back(&it->second);
  return chain;
}

Result<WxrIndex> IndexWxr(const std::string& path, const WxrLimits& limits) {
  auto reader = WxrReader::Open(path, limits);
  if (!reader) return reader.error();
  WxrIndex index;
  for (;;) {
    auto record = (*reader)->Next();
    if (!record) return record.error();
    if (!*record) break;
    if (auto* site = std::get_if<WxrSite>(&**record)) {
      index.site = *site;
      index.source = !site->base_blog_url.empty() ? site->base_blog_url : site->link;
      while (!index.source.empty() && index.source.back() == '/') index.source.pop_back();
    } else if (auto* author = std::get_if<WxrAuthor>(&**record)) {
      index.authors.push_back(std::move(*author));
    } else if (auto* term = std::get_if<WxrTerm>(&**record)) {
      if (term->slug.empty()) term->slug = text::Slugify(term->name);
      if (term->taxonomy == "category") index.categories[term->slug] = std::move(*term);
      else if (term->taxonomy == "post_tag") index.tags.push_back(std::move(*term));
      else ++index.custom_terms[term->taxonomy.empty() ? "(unnamed)" : term->taxonomy];
    } else if (auto* item = std::get_if<WxrItem>(&**record)) {
      AddItem(index, *item);
    }
  }
  return index;
}

}  // namespace gazette::imports::wordpress
