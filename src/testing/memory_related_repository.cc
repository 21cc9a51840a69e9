// MemoryRelatedRepository: the index as maps; an article's vectors are kept as given (the store's
// blobs round-trip them exactly: 32-bit term ids and float weights).
#include "testing/memory_related_repository.h"

#include <algorithm>
#include <set>

namespace gazette::testing {

using content::ArticleId;
using related::IndexedArticle;
using related::RelatedLink;

Result<related::IndexStats> MemoryRelatedRepository::Stats() const {
  return db_.With([](const Tables& t) -> Result<related::IndexStats> { return t.related_stats; });
}

Status MemoryRelatedRepository::SetStats(const related::IndexStats& stats) {
  return db_.With([&](Tables& t) -> Status {
    t.related_stats = stats;
    return Status::Ok();
  });
}

Result<std::vector<related::TermStats>> MemoryRelatedRepository::Terms(const std::vector<std::string>& terms) {
  return db_.With([&](Tables& t) -> Result<std::vector<related::TermStats>> {
    std::vector<related::TermStats> out;
    for (const auto& term : terms) {
      auto it = t.term_ids.find(term);
      if (it == t.term_ids.end()) {
        const related::TermId id = NextId(t.term_df);
        it = t.term_ids.emplace(term, id).first;
        t.term_df[id] = 0;
      }
      out.push_back({it->second, t.term_df[it->second]});
    }
    return out;
  });
}

Status MemoryRelatedRepository::AddToDocumentFrequencies(const std::vector<related::TermId>& terms, int delta) {
  return db_.With([&](Tables& t) -> Status {
    for (related::TermId id : terms)
      if (auto it = t.term_df.find(id); it != t.term_df.end()) it->second = std::max(0, it->second + delta);
    return Status::Ok();
  });
}

Result<std::optional<IndexedArticle>> MemoryRelatedRepository::Indexed(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<std::optional<IndexedArticle>> {
    auto it = t.indexed.find(id);
    if (it == t.indexed.end()) return std::optional<IndexedArticle>();
    return std::optional<IndexedArticle>(it->second);
  });
}

Status MemoryRelatedRepository::PutIndexed(const IndexedArticle& a) {
  return db_.With([&](Tables& t) -> Status {
    t.indexed[a.id] = a;
    return Status::Ok();
  });
}

Status MemoryRelatedRepository::RemoveIndexed(ArticleId id) {
  return db_.With([&](Tables& t) -> Status {
    t.indexed.erase(id);
    return Status::Ok();
  });
}

// The rows are copied out first, so that `visit` may call the repository (no lock is held).
Status MemoryRelatedRepository::VisitPosted(
    const std::function<void(ArticleId, UnixTime, related::TermVector&&, related::TermVector&&)>& visit) const {
  auto posted = db_.With([](const Tables& t) -> Result<std::vector<IndexedArticle>> {
    std::vector<IndexedArticle> out;
    for (const auto& [id, a] : t.indexed)
      if (a.posted) out.push_back(a);
    return out;
  });
  if (!posted) return posted.error();
  for (auto& a : *posted) visit(a.id, a.published_at, std::move(a.base), std::move(a.vector));
  return Status::Ok();
}

Status MemoryRelatedRepository::ReplaceIndex(const std::vector<std::pair<std::string, int>>& vocabulary,
                                             const std::vector<IndexedArticle>& articles,
                                             const related::IndexStats& stats) {
  return db_.With([&](Tables& t) -> Status {
    std::map<std::string, related::TermId> ids;
    std::map<related::TermId, int> df;
    for (std::size_t i = 0; i < vocabulary.size(); ++i) {
      const auto id = static_cast<related::TermId>(i + 1);
      if (!ids.emplace(vocabulary[i].first, id).second)
        return Error::Conflict("database: UNIQUE constraint failed: related_terms.term");
      df[id] = vocabulary[i].second;
    }
    t.term_ids = std::move(ids);
    t.term_df = std::move(df);
    t.indexed.clear();
    for (const auto& a : articles) t.indexed[a.id] = a;
    t.related_stats = stats;
    return Status::Ok();
  });
}

Result<std::vector<RelatedLink>> MemoryRelatedRepository::StoredList(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<RelatedLink>> {
    auto it = t.related_lists.find(id);
    return it == t.related_lists.end() ? std::vector<RelatedLink>() : it->second;
  });
}

Result<related::RelatedLists> MemoryRelatedRepository::AllStoredLists() const {
  return db_.With([](const Tables& t) -> Result<related::RelatedLists> { return t.related_lists; });
}

Result<std::vector<ArticleId>> MemoryRelatedRepository::ListsMentioning(ArticleId id) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<ArticleId>> {
    std::set<ArticleId> out;  // a UNION: distinct, in id order
    for (const auto& [article, list] : t.related_lists)
      for (const auto& link : list)
        if (link.id == id) out.insert(article);
    for (const auto& [key, row] : t.overrides)
      if (key.second == id && row.kind == related::OverrideKind::kPin) out.insert(key.first);
    return std::vector<ArticleId>(out.begin(), out.end());
  });
}

// As in the store, a changed list is deleted and then written row by row, so that outside a
// transaction a refused row (an unknown article) leaves the rows before it and nothing else.
Result<bool> MemoryRelatedRepository::WriteList(ArticleId id, const std::vector<RelatedLink>& list) {
  return db_.With([&](Tables& t) -> Result<bool> {
    auto& stored = t.related_lists[id];
    const bool same = std::equal(stored.begin(), stored.end(), list.begin(), list.end(),
                                 [](const RelatedLink& a, const RelatedLink& b) { return a.id == b.id; });
    if (same) stored = list;  // only the scores change
    if (!same) stored.clear();
    bool refused = false;
    for (std::size_t i = 0; !same && !refused && i < list.size(); ++i) {
      refused = !t.HasArticle(id) || !t.HasArticle(list[i].id);
      if (!refused) stored.push_back(list[i]);
    }
    if (stored.empty()) t.related_lists.erase(id);
    if (refused) return ForeignKeyFailed();
    return !same;
  });
}

Result<related::Overrides> MemoryRelatedRepository::OverridesOf(ArticleId id) const {
  auto all = AllOverrides();
  if (!all) return all.error();
  auto it = all->find(id);
  return it == all->end() ? related::Overrides{} : it->second;
}

Result<std::unordered_map<ArticleId, related::Overrides>> MemoryRelatedRepository::AllOverrides() const {
  return db_.With([](const Tables& t) -> Result<std::unordered_map<ArticleId, related::Overrides>> {
    std::vector<std::pair<std::pair<ArticleId, ArticleId>, OverrideRow>> rows(t.overrides.begin(), t.overrides.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::pair(a.second.created_at, a.second.rowid) < std::pair(b.second.created_at, b.second.rowid);
    });
    std::unordered_map<ArticleId, related::Overrides> out;
    for (const auto& [key, row] : rows) {
      auto& o = out[key.first];
      (row.kind == related::OverrideKind::kPin ? o.pins : o.excludes).push_back(key.second);
    }
    return out;
  });
}

Status MemoryRelatedRepository::SetOverride(ArticleId article, ArticleId other, related::OverrideKind kind,
                                            UnixTime now) {
  return db_.With([&](Tables& t) -> Status {
    const auto key = std::pair(article, other);
    if (kind == related::OverrideKind::kNone) {
      t.overrides.erase(key);
      return Status::Ok();
    }
    if (!t.HasArticle(article) || !t.HasArticle(other)) return ForeignKeyFailed();
    std::int64_t rowid = 1;
    for (const auto& [k, row] : t.overrides) rowid = std::max(rowid, row.rowid + 1);
    auto [it, inserted] = t.overrides.try_emplace(key, OverrideRow{kind, now, rowid});
    if (!inserted) it->second = OverrideRow{kind, now, it->second.rowid};
    return Status::Ok();
  });
}

Result<std::vector<content::ArticleSummary>> MemoryRelatedRepository::For(ArticleId article, int limit) const {
  return db_.With([&](const Tables& t) -> Result<std::vector<content::ArticleSummary>> {
    std::vector<content::ArticleSummary> out;
    auto it = t.related_lists.find(article);
    if (it == t.related_lists.end()) return out;
    for (const auto& link : it->second) {
      if (limit >= 0 && out.size() >= static_cast<std::size_t>(limit)) break;
      const ArticleRow* row = t.FindArticle(link.id);
      if (row && row->article.IsPublished() && !row->article.IsPage()) out.push_back(t.Summary(*row, false));
    }
    return out;
  });
}

}  // namespace gazette::testing
