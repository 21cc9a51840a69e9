// Sections: the tags an editor puts in the site's navigation, in menu order. They are stored as
// the setting site.sections, one "slug name" per line, so that every server reloads them with the
// other settings and every cached page is invalidated when they change (the header shows them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "content/article.h"

namespace gazette::content {

class ArticleService;

inline constexpr std::size_t kMaxSections = 20;

// "news News\nsport Sport" -> the tags (ids 0). Lines that are not "slug name" are skipped.
std::vector<Tag> ParseSections(std::string_view value);
// The inverse of ParseSections.
std::string FormatSections(const std::vector<Tag>& sections);
// The tags named (by name or slug, in order) as sections: each must be an existing tag; repeats are
// dropped. kInvalidArgument (field "sections") names an unknown tag or too many.
Result<std::vector<Tag>> ResolveSections(const ArticleService& articles, const std::vector<std::string>& names);

}  // namespace gazette::content
