// Permalink patterns: render and match article paths segment by segment.
#include "content/permalink.h"

#include <cstdio>

#include "common/numbers.h"
#include "common/text.h"
#include "content/pages.h"

namespace gazette::content {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::optional<long long> ParseNumber(std::string_view s, std::size_t digits) {
  if (s.empty() || (digits && s.size() != digits)) return std::nullopt;
  return ParseInteger<long long>(s);
}

std::string TwoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

Result<Permalink> Permalink::Parse(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') return Error::Invalid("A permalink pattern must start with '/'.");
  Permalink p;
  p.pattern_ = std::string(pattern);
  p.segments_ = SplitPath(pattern);
  p.trailing_slash_ = pattern.back() == '/';
  bool has_key = false;
  for (const auto& seg : p.segments_) {
    const bool placeholder = seg.find('{') != std::string::npos;
    if (placeholder && seg != "{yyyy}" && seg != "{mm}" && seg != "{dd}" && seg != "{slug}" && seg != "{id}")
      return Error::Invalid("Unknown or mixed placeholder in permalink segment '" + seg + "'.");
    has_key |= seg == "{slug}" || seg == "{id}";
  }
  if (!has_key) return Error::Invalid("A permalink pattern needs {slug} or {id}.");
  return p;
}

std::string Permalink::Render(ArticleId id, std::string_view slug, UnixTime published_at) const {
  const CivilDate d = ToCivil(published_at);
  std::string out;
  for (const auto& seg : segments_) {
    out += '/';
    if (seg == "{yyyy}")
      out += std::to_string(d.year);
    else if (seg == "{mm}")
      out += TwoDigits(d.month);
    else if (seg == "{dd}")
      out += TwoDigits(d.day);
    else if (seg == "{slug}")
      out += slug;
    else if (seg == "{id}")
      out += std::to_string(id);
    else
      out += seg;
  }
  if (trailing_slash_) out += '/';
  return out;
}

// A page's address does not follow the pattern: it is its path, so that it never moves.
std::string Permalink::PathFor(const Article& a) const {
  return a.IsPage() ? PagePath(a.slug) : Render(a.id, a.slug, a.published_at);
}
std::string Permalink::PathFor(const ArticleSummary& a) const {
  return a.kind == ArticleKind::kPage ? PagePath(a.slug) : Render(a.id, a.slug, a.published_at);
}

std::optional<PermalinkMatch> Permalink::Match(std::string_view path) const {
  if (trailing_slash_ != (!path.empty() && path.back() == '/')) return std::nullopt;
  const auto parts = SplitPath(path);
  if (parts.size() != segments_.size()) return std::nullopt;
  PermalinkMatch m;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = segments_[i];
    const std::string& part = parts[i];
    if (seg == "{slug}") {
      m.slug = part;
    } else if (seg == "{id}") {
      auto v = ParseNumber(part, 0);
      if (!v) return std::nullopt;
      m.id = *v;
    } else if (seg == "{yyyy}" || seg == "{mm}" || seg == "{dd}") {
      auto v = ParseNumber(part, seg == "{yyyy}" ? 4 : 2);
      if (!v) return std::nullopt;
      (seg == "{yyyy}" ? m.year : seg == "{mm}" ? m.month : m.day) = static_cast<int>(*v);
    } else if (seg != part) {
      return std::nullopt;
    }
  }
  return m;
}

bool Permalink::Agrees(const PermalinkMatch& m, const Article& a) const {
  const CivilDate d = ToCivil(a.published_at);
  return (!m.year || *m.year == d.year) && (!m.month || *m.month == d.month) && (!m.day || *m.day == d.day) &&
         (!m.id || *m.id == a.id) && (m.slug.empty() || m.slug == a.slug);
}

}  // namespace gazette::content
