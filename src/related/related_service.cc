// RelatedService. An update is exact: the changed article's list is recomputed, and so is every
// list that holds it, pins it, or that its new score could enter (its score reaches the list's
// lowest); each is recomputed the way a full rebuild computes it, and written only if it changed.
// What drifts between rebuilds is the vectors of the other articles: they keep the document
// frequencies and neighbours of the time they were indexed (the usual trade of incremental TF-IDF),
// and `gazette related rebuild` settles them. An article indexed again unchanged gets the vectors a
// rebuild would give it, so saving it again changes nothing.
#include "related/related_service.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

namespace gazette::related {

using content::ArticleId;

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

// The posted articles' vectors and the stored lists' lowest scores, in memory: `lenders` holds
// the strongest base terms (neighbours are found there, as in a rebuild), `index` the expanded
// vectors (lists are computed there).
struct RelatedService::Model {
  std::int64_t version = -1;
  InvertedIndex lenders;
  InvertedIndex index;
  struct ListInfo {
    std::size_t size = 0;
    double lowest = 0;
  };
  std::unordered_map<ArticleId, ListInfo> lists;

  void Remember(ArticleId id, const std::vector<RelatedLink>& list) {
    if (list.empty()) {
      lists.erase(id);
      return;
    }
    double lowest = list.front().score;
    for (const auto& l : list) lowest = std::min(lowest, l.score);
    lists[id] = ListInfo{list.size(), lowest};
  }
};

// One incremental update, as named steps, inside its transaction.
class RelatedService::Updater {
 public:
  Updater(const content::ArticleRepository& articles, RelatedRepository& repo, Model& model,
          const SimilarityOptions& options, UnixTime now)
      : articles_(articles), repo_(repo), model_(model), options_(options), now_(now) {}

  Result<UpdateReport> Run(ArticleId id) {
    auto mentioning = repo_.ListsMentioning(id);
    if (!mentioning) return mentioning.error();
    std::vector<ArticleId> affected = std::move(*mentioning);
    auto fresh = Reindex(id);
    if (!fresh) return fresh.error();
    if (*fresh) {
      auto candidates = model_.index.Score((*fresh)->vector, options_.weighting, scratch_);
      if ((*fresh)->posted) AddListsEntered(id, candidates, affected);
      if (auto st = Write(id, Choose(id, (*fresh)->vector, std::move(candidates))); !st) return st.error();
    } else if (auto st = Write(id, {}); !st) {
      return st.error();
    }
    std::unordered_set<ArticleId> done = {id};
    for (ArticleId other : affected)
      if (done.insert(other).second)
        if (auto st = Recompute(other); !st) return st.error();
    return report_;
  }

  // Recomputes and writes the list of `id`.
  Status Recompute(ArticleId id) {
    ++report_.recomputed;
    const InvertedIndex::Entry* e = model_.index.Find(id);
    std::optional<IndexedArticle> unposted;
    if (!e) {
      // Scheduled articles have a list but are not in the in-memory index.
      auto stored = repo_.Indexed(id);
      if (!stored) return stored.error();
      if (!*stored) return Write(id, {});
      unposted = std::move(*stored);
    }
    const TermVector& vector = e ? e->vector : unposted->vector;
    return Write(id, Choose(id, vector, model_.index.Score(vector, options_.weighting, scratch_)));
  }

  const UpdateReport& report() const { return report_; }

 private:
  // Takes the article out of the index and statistics and, if it is published, puts it back
  // with fresh vectors. Returns it as indexed now, or null.
  Result<const IndexedArticle*> Reindex(ArticleId id) {
    auto stats = repo_.Stats();
    if (!stats) return stats.error();
    auto old = repo_.Indexed(id);
    if (!old) return old.error();
    if (*old && (*old)->posted) {
      if (auto st = repo_.AddToDocumentFrequencies((*old)->terms, -1); !st) return st.error();
      --stats->documents;
      stats->total_length -= (*old)->length;
    }
    model_.index.Remove(id);
    model_.lenders.Remove(id);
    auto text = articles_.PublishedText(id);
    if (!text) return text.error();
    const IndexedArticle* result = nullptr;
    if (!*text) {
      if (auto st = repo_.RemoveIndexed(id); !st) return st.error();
    } else {
      auto indexed = Index(**text, *stats);
      if (!indexed) return indexed.error();
      if (auto st = repo_.PutIndexed(*indexed); !st) return st.error();
      if (indexed->posted) {
        model_.index.Add(id, indexed->published_at, indexed->vector);
        model_.lenders.Add(id, indexed->published_at, indexed->base);
      }
      fresh_ = std::move(*indexed);
      result = &*fresh_;
    }
    ++stats->version;
    if (auto st = repo_.SetStats(*stats); !st) return st.error();
    model_.version = stats->version;
    return result;
  }

  // The article's vectors, with the statistics updated to count it. Its neighbours are found and
  // lend it their strongest base terms exactly as in a rebuild.
  Result<IndexedArticle> Index(const content::ArticleText& text, IndexStats& stats) {
    const WeightingOptions& w = options_.weighting;
    IndexedArticle a;
    a.id = text.id;
    a.headline = HeadlineKey(text.title);
    a.published_at = text.published_at;
    a.posted = a.published_at <= now_;
    const TermCounts counts = CountTerms(text, w);
    a.length = counts.length;
    std::vector<std::string> names;
    names.reserve(counts.tf.size());
    for (const auto& [term, tf] : counts.tf) names.push_back(term);
    auto terms = repo_.Terms(names);
    if (!terms) return terms.error();
    for (const auto& t : *terms) a.terms.push_back(t.id);
    std::sort(a.terms.begin(), a.terms.end());
    if (a.posted) {
      if (auto st = repo_.AddToDocumentFrequencies(a.terms, +1); !st) return st.error();
      ++stats.documents;
      stats.total_length += a.length;
    }
    std::vector<CountedTerm> counted;
    counted.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i)
      counted.push_back(CountedTerm{(*terms)[i].id, counts.tf.at(names[i]), (*terms)[i].df + 1, IsTagTerm(names[i])});
    // A scheduled article is not counted in the statistics, but is weighed as if it were.
    const TermVector base = BaseVector(std::move(counted), a.length, stats.documents + (a.posted ? 0 : 1),
                                       stats.AverageLength(), w, &a.shared);
    a.base = Strongest(base, w.base_terms);
    auto nearest =
        Nearest(model_.lenders.Score(base, w, scratch_), a.id, w.neighbours, options_.selection.near_duplicate);
    std::vector<const TermVector*> lent;
    for (ArticleId n : nearest) lent.push_back(&model_.lenders.Find(n)->vector);
    a.vector = Expand(base, lent, w);
    return a;
  }

  std::vector<RelatedLink> Choose(ArticleId id, const TermVector& vector, std::vector<Candidate> candidates) {
    auto overrides = repo_.OverridesOf(id);
    return ChooseList(
        id, vector, std::move(candidates), overrides ? std::move(*overrides) : Overrides{},
        [this](ArticleId other) { return model_.index.Find(other); }, [this](ArticleId other) { return Stored(other); },
        options_);
  }

  // An indexed article as stored, read once per update (null if it is not indexed).
  const IndexedArticle* Stored(ArticleId id) {
    if (fresh_ && fresh_->id == id) return &*fresh_;
    auto it = stored_.find(id);
    if (it == stored_.end()) {
      auto stored = repo_.Indexed(id);
      it = stored_.emplace(id, stored ? std::move(*stored) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  // Adds to `affected` the lists `id` may enter: those shorter than top_k, and those whose
  // lowest score it reaches (ties are decided by recency, so reaching is enough).
  void AddListsEntered(ArticleId id, const std::vector<Candidate>& candidates, std::vector<ArticleId>& affected) {
    const auto k = static_cast<std::size_t>(options_.selection.top_k);
    for (const Candidate& c : candidates) {
      if (c.id == id || c.score <= 0) continue;
      auto it = model_.lists.find(c.id);
      if (it == model_.lists.end() || it->second.size < k || c.score >= it->second.lowest) affected.push_back(c.id);
    }
  }

  Status Write(ArticleId id, const std::vector<RelatedLink>& list) {
    auto changed = repo_.WriteList(id, list);
    if (!changed) return changed.error();
    if (*changed) report_.changed.push_back(id);
    model_.Remember(id, list);
    return Status::Ok();
  }

  const content::ArticleRepository& articles_;
  RelatedRepository& repo_;
  Model& model_;
  const SimilarityOptions& options_;
  UnixTime now_;
  std::optional<IndexedArticle> fresh_;
  std::unordered_map<ArticleId, std::optional<IndexedArticle>> stored_;
  InvertedIndex::Scratch scratch_;
  UpdateReport report_;
};

RelatedService::RelatedService(const content::ArticleRepository& articles, RelatedRepository& related,
                               const content::SettingsRepository& settings, const Clock& clock,
                               WeightingOptions weighting)
    : articles_(articles), related_(related), settings_(settings), clock_(clock), weighting_(weighting) {}

RelatedService::~RelatedService() = default;

Result<SimilarityOptions> RelatedService::Options() const {
  auto settings = LoadRelatedSettings(settings_);
  if (!settings) return settings.error();
  SimilarityOptions o;
  o.weighting = weighting_;
  o.selection.top_k = settings->top_k;
  o.selection.near_duplicate = settings->near_duplicate;
  return o;
}

Result<double> RelatedService::Current() {
  auto stats = related_.Stats();
  if (!stats) return stats.error();
  if (model_ && model_->version == stats->version) return 0.0;
  const auto started = std::chrono::steady_clock::now();
  auto model = std::make_unique<Model>();
  model->version = stats->version;
  auto st = related_.VisitPosted([&](ArticleId id, UnixTime published_at, TermVector&& base, TermVector&& vector) {
    model->lenders.Add(id, published_at, std::move(base));
    model->index.Add(id, published_at, std::move(vector));
  });
  if (!st) return st.error();
  auto lists = related_.AllStoredLists();
  if (!lists) return lists.error();
  for (const auto& [id, list] : *lists) model->Remember(id, list);
  model_ = std::move(model);
  return MillisecondsSince(started);
}

Result<UpdateReport> RelatedService::Update(ArticleId article) {
  if (paused_ > 0) return UpdateReport{};
  std::lock_guard lock(mutex_);
  auto options = Options();
  if (!options) return options.error();
  Result<UpdateReport> report = UpdateReport{};
  auto st = related_.InTransaction([&]() -> Status {
    auto load_ms = Current();
    if (!load_ms) return load_ms.error();
    const auto started = std::chrono::steady_clock::now();
    Updater updater(articles_, related_, *model_, *options, clock_.Now());
    report = updater.Run(article);
    if (!report) return report.error();
    report->load_ms = *load_ms;
    report->update_ms = MillisecondsSince(started);
    return Status::Ok();
  });
  if (!st) {
    model_.reset();  // the in-memory index may hold what was rolled back
    return st.error();
  }
  return report;
}

Status RelatedService::SetOverride(ArticleId article, ArticleId other, OverrideKind kind) {
  if (article == other) return Error::Invalid("An article cannot be related to itself.");
  for (ArticleId id : {article, other})
    if (auto a = articles_.FindById(id); !a) return a.error();
  std::lock_guard lock(mutex_);
  auto options = Options();
  if (!options) return options.error();
  auto st = related_.InTransaction([&]() -> Status {
    if (auto loaded = Current(); !loaded) return loaded.error();
    if (auto r = related_.SetOverride(article, other, kind, clock_.Now()); !r) return r;
    Updater updater(articles_, related_, *model_, *options, clock_.Now());
    return updater.Recompute(article);
  });
  if (!st) model_.reset();
  return st;
}

Result<RebuildReport> RelatedService::Rebuild(const Progress& progress) {
  std::lock_guard lock(mutex_);
  model_.reset();
  auto options = Options();
  if (!options) return options.error();
  auto texts = articles_.PublishedTexts();
  if (!texts) return texts.error();
  auto overrides = related_.AllOverrides();
  if (!overrides) return overrides.error();
  ComputedIndex computed = ComputeAll(*texts, *overrides, *options, clock_.Now(), progress);
  auto stored = related_.AllStoredLists();
  if (!stored) return stored.error();
  auto old_stats = related_.Stats();
  if (!old_stats) return old_stats.error();
  computed.stats.version = old_stats->version + 1;
  if (auto st = related_.InTransaction(
          [&] { return related_.ReplaceIndex(computed.vocabulary, computed.articles, computed.stats); });
      !st)
    return st.error();

  // Only lists that differ are written, in small transactions so that readers and comment
  // writers are never held up for long.
  std::vector<ArticleId> to_write;
  for (const auto& [id, list] : computed.lists) {
    auto it = stored->find(id);
    if (it == stored->end() ? !list.empty() : it->second != list) to_write.push_back(id);
  }
  for (const auto& [id, list] : *stored)
    if (!list.empty() && !computed.lists.contains(id)) to_write.push_back(id);
  RebuildReport report;
  report.articles = static_cast<int>(texts->size());
  constexpr std::size_t kBatch = 500;
  static const std::vector<RelatedLink> kEmpty;
  if (progress) progress("Writing", 0, to_write.size());
  for (std::size_t start = 0; start < to_write.size(); start += kBatch) {
    const std::size_t end = std::min(to_write.size(), start + kBatch);
    auto st = related_.InTransaction([&]() -> Status {
      for (std::size_t i = start; i < end; ++i) {
        auto it = computed.lists.find(to_write[i]);
        auto changed = related_.WriteList(to_write[i], it == computed.lists.end() ? kEmpty : it->second);
        if (!changed) return changed.error();
        report.lists_changed += *changed;
      }
      return Status::Ok();
    });
    if (!st) return st.error();
    if (progress) progress("Writing", end, to_write.size());
  }
  return report;
}

}  // namespace gazette::related
