// RelatedService: keeps the "You May Also Like" lists current and answers them per article.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/site_settings.h"
#include "related/inverted_index.h"
#include "related/related_repository.h"
#include "related/related_settings.h"
#include "related/similarity.h"

namespace gazette::related {

struct RebuildReport {
  int articles = 0;       // published articles indexed
  int lists_changed = 0;  // lists whose articles changed (the others were left untouched)
};

struct UpdateReport {
  std::vector<content::ArticleId> changed;  // lists whose articles changed, the article's own included
  int recomputed = 0;                       // other lists recomputed to find out
  double load_ms = 0;                       // reading the index into memory (0 when it was current)
  double update_ms = 0;                     // the update itself, writes included
};

class RelatedService {
 public:
  // REQUIRES: every argument outlives the service.
  RelatedService(const content::ArticleRepository& articles, RelatedRepository& related,
                 const content::SettingsRepository& settings, const Clock& clock, WeightingOptions weighting = {});
  ~RelatedService();

  // Brings the index and the lists up to date after `article` was created, edited, published,
  // unpublished or deleted: its own list, and the lists it enters or leaves, nothing else.
  // Thread-safe; one transaction. The index is kept in memory between updates and read again
  // only when another process changed it.
  Result<UpdateReport> Update(content::ArticleId article);

  // Recomputes the index and every list from the current archive, writing only the lists that
  // changed. `progress` is told about each phase. Thread-safe.
  Result<RebuildReport> Rebuild(const Progress& progress = {});

  // The stored list for `article`: published articles only, best first.
  Result<std::vector<content::ArticleSummary>> For(content::ArticleId article) const {
    return related_.For(article, RelatedSettings::kMaxTopK);
  }

  // An editor's choice for the list of `article`: pin `other` (shown first), exclude it, or
  // clear either. The list is updated at once. kNotFound for unknown articles; kInvalidArgument
  // when they are the same.
  Status SetOverride(content::ArticleId article, content::ArticleId other, OverrideKind kind);
  Result<Overrides> OverridesOf(content::ArticleId article) const { return related_.OverridesOf(article); }

  // While a Pause lives, Update() does nothing (for bulk imports, which rebuild at the end).
  class Pause {
   public:
    explicit Pause(RelatedService& s) : s_(s) { ++s_.paused_; }
    ~Pause() { --s_.paused_; }
    Pause(const Pause&) = delete;
    Pause& operator=(const Pause&) = delete;

   private:
    RelatedService& s_;
  };

 private:
  struct Model;
  class Updater;
  Result<SimilarityOptions> Options() const;
  // The in-memory index, read again if another process changed the stored one. REQUIRES: mutex_.
  Result<double> Current();

  const content::ArticleRepository& articles_;
  RelatedRepository& related_;
  const content::SettingsRepository& settings_;
  const Clock& clock_;
  WeightingOptions weighting_;
  std::mutex mutex_;
  std::unique_ptr<Model> model_;
  std::atomic<int> paused_{0};
};

}  // namespace gazette::related
