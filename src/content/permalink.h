// Permalinks: where an article's page lives, from a pattern such as "/{yyyy}/{mm}/{dd}/{slug}/".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "content/article.h"

namespace gazette::content {

struct PermalinkMatch {
  std::string slug;
  std::optional<ArticleId> id;
  std::optional<int> year, month, day;
};

class Permalink {
 public:
  // Placeholders: {yyyy} {mm} {dd} {slug} {id}. The pattern must start with '/', contain {slug}
  // or {id}, and keep each placeholder in a path segment of its own.
  static Result<Permalink> Parse(std::string_view pattern);

  // The path of the article's page (UTF-8, not percent-encoded); a page's is its own path.
  std::string PathFor(const Article& article) const;
  std::string PathFor(const ArticleSummary& article) const;
  // The placeholders' values if `path` (decoded) has the pattern's shape.
  std::optional<PermalinkMatch> Match(std::string_view path) const;
  // True when `match` names this article (its date parts agree).
  bool Agrees(const PermalinkMatch& match, const Article& article) const;

  const std::string& pattern() const { return pattern_; }

 private:
  std::string Render(ArticleId id, std::string_view slug, UnixTime published_at) const;

  std::string pattern_;
  std::vector<std::string> segments_;
  bool trailing_slash_ = false;
};

inline constexpr std::string_view kDefaultPermalink = "/{yyyy}/{mm}/{dd}/{slug}/";

}  // namespace gazette::content
