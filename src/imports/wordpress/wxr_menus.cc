// A WordPress navigation menu turned into Gazette's: category and tag items become sections,
// page items footer links, and everything else is reported by name.
#include <algorithm>
#include <map>

#include "common/text.h"
#include "content/sections.h"
#include "imports/wordpress/wxr_context.h"

namespace gazette::imports::wordpress {

void MenuItems::Collect(const WxrItem& item) {
  Entry e;
  for (const auto& ref : item.terms)
    if (ref.domain == "nav_menu") e.menu = InlineText(ref.name.empty() ? ref.slug : ref.name);
  e.label = InlineText(item.title);
  e.type = item.Meta("_menu_item_type");
  e.object = item.Meta("_menu_item_object");
  e.url = item.Meta("_menu_item_url");
  e.object_id = std::atoll(item.Meta("_menu_item_object_id").c_str());
  e.parent = std::atoll(item.Meta("_menu_item_menu_item_parent").c_str());
  e.order = item.menu_order;
  entries_.push_back(std::move(e));
}

Status MenuItems::Resolve() {
  if (entries_.empty()) return Status::Ok();
  // The menu with the most items is the site's main one; the others are reported.
  std::map<std::string, int> sizes;
  for (const Entry& e : entries_) ++sizes[e.menu];
  const std::string menu =
      std::max_element(sizes.begin(), sizes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  WxrMenu& out = c_.s.menu;
  out.name = menu;
  for (const auto& [name, n] : sizes)
    if (name != menu) out.left_out.push_back("the menu \"" + name + "\" (" + std::to_string(n) + " items)");
  std::vector<const Entry*> items;
  for (const Entry& e : entries_)
    if (e.menu == menu) items.push_back(&e);
  std::stable_sort(items.begin(), items.end(), [](const Entry* a, const Entry* b) { return a->order < b->order; });

  for (const Entry* e : items) {
    const std::string label = e->label.empty() ? e->object : e->label;
    if (e->parent != 0) {
      out.left_out.push_back(label + " (a sub-item: Gazette's menus have one level)");
      continue;
    }
    if (e->type == "taxonomy" && (e->object == "category" || e->object == "post_tag")) {
      const WxrTerm* term = nullptr;
      for (const auto& [slug, t] : c_.index.categories)
        if (t.id == e->object_id) term = &t;
      for (const auto& t : c_.index.tags)
        if (t.id == e->object_id) term = &t;
      if (term && c_.t.store.FindTag(text::Slugify(InlineText(term->name)))) {
        if (out.sections.size() < content::kMaxSections) out.sections.push_back(InlineText(term->name));
        else out.left_out.push_back(label + " (more than " + std::to_string(content::kMaxSections) + " sections)");
      } else {
        out.left_out.push_back(label + " (a " + e->object + " with no imported post)");
      }
      continue;
    }
    if (e->type == "post_type" && e->object == "page") {
      auto article = c_.t.ledger.Find(c_.Key("post", e->object_id));
      if (!article) return article.error();
      std::optional<content::Article> page;
      if (*article && c_.t.permalink)
        if (auto found = c_.t.store.FindById(**article); found && found->IsPublished()) page = std::move(*found);
      if (!page) {
        out.left_out.push_back(label + " (a page that was not imported or is not published)");
        continue;
      }
      const std::string name = e->label.empty() ? page->title : e->label;
      if (out.links.size() < content::kMaxFooterLinks)
        out.links.push_back({text::Excerpt(name, content::kMaxMenuLabelChars), c_.t.permalink->PathFor(*page)});
      else
        out.left_out.push_back(label + " (more than " + std::to_string(content::kMaxFooterLinks) + " links)");
      continue;
    }
    out.left_out.push_back(label + (e->type == "custom" ? " (a custom link to " + e->url + ")"
                                                       : " (a link to a " + (e->object.empty() ? e->type : e->object) + ")"));
  }
  return Status::Ok();
}

}  // namespace gazette::imports::wordpress
