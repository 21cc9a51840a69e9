// Bylines, the editor's authors field, and author pages.
#include "content/authors.h"

#include <algorithm>

#include "common/text.h"

namespace gazette::content {

std::string Byline(const std::vector<Author>& authors) {
  std::string out;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    if (i > 0) out += i + 1 == authors.size() ? " and " : ", ";
    out += authors[i].name;
  }
  return out;
}

std::string AuthorNamesField(const std::vector<Author>& authors) {
  std::string out;
  for (const auto& a : authors) out += (out.empty() ? "" : ", ") + a.name;
  return out;
}

std::vector<std::string> SplitAuthorNames(std::string_view field) {
  std::vector<std::string> names;
  std::vector<std::string> slugs;
  for (const auto& piece : text::SplitTrimmed(field, ',')) {
    std::string name = text::CollapseWhitespace(piece);
    std::string slug = text::Slugify(name);
    if (name.empty() || std::find(slugs.begin(), slugs.end(), slug) != slugs.end()) continue;
    slugs.push_back(std::move(slug));
    names.push_back(std::move(name));
  }
  return names;
}

std::string AuthorPath(const Author& author) { return text::EncodePath("/author/" + author.slug + "/"); }

}  // namespace gazette::content
