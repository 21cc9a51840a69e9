// RelatedRepository: the precomputed "You May Also Like" lists, so a page view costs one lookup,
// and the term index behind them, so that a publish updates only the lists it touches.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "content/article.h"
#include "related/term_vector.h"

namespace gazette::related {

struct RelatedLink {
  content::ArticleId id = 0;
  double score = 0;

  bool operator==(const RelatedLink&) const = default;
};

using RelatedLists = std::map<content::ArticleId, std::vector<RelatedLink>>;

// An article as the related index keeps it.
struct IndexedArticle {
  content::ArticleId id = 0;
  UnixTime published_at = 0;
  bool posted = false;         // counted in the statistics and a candidate for other lists
  double length = 0;           // its term count, for length normalisation
  TermVector base;             // the strongest terms of its own text (lent to neighbours' expansions)
  double shared = 0;           // the share of its words' weight that other articles' words carry
  std::uint64_t headline = 0;  // HeadlineKey of its headline: two articles with one headline are duplicates
  TermVector vector;           // its expanded vector: what lists are computed from
  std::vector<TermId> terms;   // every distinct term, counted in the document frequencies if posted
};

struct TermStats {
  TermId id = 0;
  int df = 0;  // posted articles that contain the term
};

// The corpus statistics, and a version that changes with every change to the index (so that a
// process can tell that another one changed it).
struct IndexStats {
  int documents = 0;        // posted articles
  double total_length = 0;  // their summed lengths
  std::int64_t version = 0;
  double AverageLength() const { return documents > 0 ? total_length / documents : 0; }
};

// An editor's choices for one article's list.
struct Overrides {
  std::vector<content::ArticleId> pins;      // shown first, in this order
  std::vector<content::ArticleId> excludes;  // never shown
};
enum class OverrideKind { kPin, kExclude, kNone };

// Implementations are thread-safe; a transaction belongs to the calling thread.
class RelatedRepository {
 public:
  virtual ~RelatedRepository() = default;

  // Runs `work` in one transaction, committed if it returns Ok and rolled back otherwise.
  virtual Status InTransaction(const std::function<Status()>& work) = 0;

  // --- The term index.
  virtual Result<IndexStats> Stats() const = 0;
  virtual Status SetStats(const IndexStats& stats) = 0;
  // Ids and document frequencies of `terms`, in the same order; new terms are added with df 0.
  virtual Result<std::vector<TermStats>> Terms(const std::vector<std::string>& terms) = 0;
  virtual Status AddToDocumentFrequencies(const std::vector<TermId>& terms, int delta) = 0;
  // nullopt when the article is not in the index.
  virtual Result<std::optional<IndexedArticle>> Indexed(content::ArticleId id) const = 0;
  // Stores the article, replacing what was stored.
  virtual Status PutIndexed(const IndexedArticle& article) = 0;
  // Removes the article; no-op if absent.
  virtual Status RemoveIndexed(content::ArticleId id) = 0;
  // Calls visit(id, published_at, base, vector) for every posted article.
  virtual Status VisitPosted(
      const std::function<void(content::ArticleId, UnixTime, TermVector&& base, TermVector&& vector)>& visit) const = 0;
  // Replaces the whole index: `vocabulary[i]` (term, df) gets id i + 1.
  virtual Status ReplaceIndex(const std::vector<std::pair<std::string, int>>& vocabulary,
                              const std::vector<IndexedArticle>& articles, const IndexStats& stats) = 0;

  // --- The lists.
  virtual Result<std::vector<RelatedLink>> StoredList(content::ArticleId id) const = 0;
  virtual Result<RelatedLists> AllStoredLists() const = 0;
  // Articles whose stored list includes `id`, or which pin it.
  virtual Result<std::vector<content::ArticleId>> ListsMentioning(content::ArticleId id) const = 0;
  // Stores the list of `id` if its articles differ from the stored ones (every row written makes
  // the article's cached page stale, so unchanged lists are never rewritten; changed scores alone
  // are updated in place). Returns true when the list's articles changed.
  virtual Result<bool> WriteList(content::ArticleId id, const std::vector<RelatedLink>& list) = 0;

  // --- Editors' choices.
  virtual Result<Overrides> OverridesOf(content::ArticleId id) const = 0;
  virtual Result<std::unordered_map<content::ArticleId, Overrides>> AllOverrides() const = 0;
  // Pins or excludes `other` on the list of `article`, or removes either (kNone).
  virtual Status SetOverride(content::ArticleId article, content::ArticleId other, OverrideKind kind, UnixTime now) = 0;

  // --- Reading: the stored list of `article`, in rank order, leaving out anything not published (now).
  virtual Result<std::vector<content::ArticleSummary>> For(content::ArticleId article, int limit) const = 0;
};

}  // namespace gazette::related
