// Sections: parsed from and written to the site.sections setting.
#include "content/sections.h"

#include "common/text.h"
#include "content/article_service.h"

namespace gazette::content {

std::vector<Tag> ParseSections(std::string_view value) {
  std::vector<Tag> out;
  for (const auto& line : text::SplitTrimmed(value, '\n')) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    out.push_back(Tag{0, std::string(text::Trim(std::string_view(line).substr(space + 1))), line.substr(0, space)});
  }
  return out;
}

std::string FormatSections(const std::vector<Tag>& sections) {
  std::string out;
  for (const auto& s : sections) out += (out.empty() ? "" : "\n") + s.slug + " " + s.name;
  return out;
}

Result<std::vector<Tag>> ResolveSections(const ArticleService& articles, const std::vector<std::string>& names) {
  std::vector<Tag> out;
  for (const auto& name : names) {
    const std::string slug = text::Slugify(name);
    if (slug.empty()) continue;
    auto tag = articles.GetTag(slug);
    if (!tag) {
      if (tag.error().code != ErrorCode::kNotFound) return tag.error();
      return Error::Invalid("There is no tag \"" + text::CollapseWhitespace(name) + "\" to make a section.",
                            "sections");
    }
    bool seen = false;
    for (const auto& t : out) seen |= t.slug == tag->slug;
    if (!seen) out.push_back(std::move(*tag));
  }
  if (out.size() > kMaxSections) return Error::Invalid("The menu holds at most 20 sections.", "sections");
  return out;
}

}  // namespace gazette::content
