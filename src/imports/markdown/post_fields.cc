// Reading post fields. Every value goes through one of a few typed readers, so that a hostile
// or mistaken value (a list where a title belongs, a megabyte of tags) is refused by name.
#include "imports/markdown/post_fields.h"

#include <algorithm>
#include <set>

#include "common/text.h"
#include "imports/markdown/dates.h"

namespace gazette::imports::markdown {
namespace {

using nlohmann::json;

Error Bad(const std::string& field, const std::string& why) { return Error::Invalid(field + ": " + why, field); }

Result<std::string> ReadString(const std::string& field, const json& v) {
  std::string s;
  if (v.is_string()) s = v.get<std::string>();
  else if (v.is_number_integer()) s = std::to_string(v.get<long long>());
  else if (v.is_number()) s = v.dump();
  else if (v.is_boolean()) s = v.get<bool>() ? "true" : "false";
  else if (v.is_null()) return std::string();
  else return Bad(field, "expected text");
  if (s.size() > kMaxFieldBytes) return Bad(field, "longer than 4 KiB");
  return std::string(text::Trim(s));
}

// `split_spaces`: Jekyll's "tags: news local" means two tags.
Result<std::vector<std::string>> ReadList(const std::string& field, const json& v, bool split_spaces) {
  std::vector<std::string> items;
  auto add = [&](const json& item) -> Status {
    auto s = ReadString(field, item);
    if (!s) return s.error();
    if (!s->empty()) items.push_back(std::move(*s));
    return Status::Ok();
  };
  if (v.is_array()) {
    if (v.size() > kMaxListItems) return Bad(field, "more than 100 items");
    for (const auto& item : v)
      if (auto st = add(item); !st) return st.error();
  } else if (v.is_string() && split_spaces) {
    auto s = ReadString(field, v);
    if (!s) return s.error();
    for (const auto& word : text::SplitTrimmed(text::CollapseWhitespace(*s), ' '))
      if (!word.empty()) items.push_back(word);
    if (items.size() > kMaxListItems) return Bad(field, "more than 100 items");
  } else if (auto st = add(v); !st) {
    return st.error();
  }
  return items;
}

Result<std::optional<UnixTime>> ReadDate(const std::string& field, const json& v) {
  auto s = ReadString(field, v);
  if (!s) return s.error();
  if (s->empty()) return std::optional<UnixTime>();
  auto t = ParseFrontMatterDate(*s);
  if (!t) return Bad(field, "not a date in a known format: \"" + s->substr(0, 40) + "\"");
  return std::optional<UnixTime>(*t);
}

Result<std::optional<bool>> ReadBool(const std::string& field, const json& v) {
  if (v.is_boolean()) return std::optional<bool>(v.get<bool>());
  if (v.is_string()) {
    const std::string s = text::AsciiLower(text::Trim(v.get<std::string>()));
    if (s == "true" || s == "yes") return std::optional<bool>(true);
    if (s == "false" || s == "no") return std::optional<bool>(false);
  }
  return Bad(field, "expected true or false");
}

// Fields that only choose how a theme draws the page.
const std::set<std::string> kThemeFields = {"layout", "type", "menu", "toc", "comments", "permalink_style"};

}  // namespace

Result<PostFields> ReadPostFields(const json& front_matter) {
  PostFields f;
  if (!front_matter.is_object()) return Bad("front matter", "not a list of fields");
  // Each field goes to its reader; the first value that cannot be read refuses the post.
  for (const auto& [raw_key, value] : front_matter.items()) {
    const std::string key = text::AsciiLower(raw_key);
    Status st = Status::Ok();
    auto text_field = [&](std::string& out) {
      auto s = ReadString(raw_key, value);
      if (!s) st = s.error();
      else out = std::move(*s);
    };
    auto list_field = [&](std::vector<std::string>& out, bool split) {
      auto l = ReadList(raw_key, value, split);
      if (!l) st = l.error();
      else out = std::move(*l);
    };
    auto date_field = [&](std::optional<UnixTime>& out) {
      auto d = ReadDate(raw_key, value);
      if (!d) st = d.error();
      else out = *d;
    };
    if (key == "title") text_field(f.title);
    else if (key == "date") date_field(f.date);
    else if (key == "publishdate" || key == "pubdate") date_field(f.publish_date);
    else if (key == "lastmod" || key == "last_modified_at") {
      date_field(f.lastmod);
      f.not_kept.push_back(raw_key);
    } else if (key == "expirydate" || key == "unpublishdate") {
      date_field(f.expiry_date);
      f.not_kept.push_back(raw_key);
    }
    else if (key == "draft") {
      auto b = ReadBool(raw_key, value);
      if (!b) st = b.error();
      else f.draft = *b;
    } else if (key == "published") {  // Jekyll's published: false is Hugo's draft: true
      auto b = ReadBool(raw_key, value);
      if (!b) st = b.error();
      else f.draft = !b->value_or(true);
    } else if (key == "slug") text_field(f.slug);
    else if (key == "url" || key == "permalink") text_field(f.url);
    else if (key == "tags") list_field(f.tags, true);
    else if (key == "categories" || key == "category") list_field(f.categories, true);
    else if (key == "authors" || key == "author") list_field(f.authors, false);
    else if (key == "summary" || key == "description" || key == "excerpt") {
      if (f.excerpt.empty() || key == "summary") text_field(f.excerpt);
    } else if (key == "aliases" || key == "redirect_from") list_field(f.aliases, false);
    else if (!kThemeFields.contains(key)) f.not_kept.push_back(raw_key);
    if (!st) return st.error();
  }
  return f;
}

}  // namespace gazette::imports::markdown
