// ComputeAll: base vectors, then each article's neighbours by its base vector against the others'
// strongest base terms, then expanded vectors, then lists by expanded vectors. Every step that
// looks at the whole archive goes through an InvertedIndex, so nothing compares every pair.
#include "related/similarity.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <thread>

namespace gazette::related {
namespace {

std::size_t Workers() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16); }

// Runs body(worker, i) for i in [0, n) on every core, reporting progress as `phase`.
void ParallelFor(std::size_t n, const Progress& progress, std::string_view phase,
                 const std::function<void(std::size_t, std::size_t)>& body) {
  const std::size_t step = std::max<std::size_t>(1, n / 100);
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex report;
  if (progress) progress(phase, 0, n);
  auto run = [&](std::size_t worker) {
    for (std::size_t i = next++; i < n; i = next++) {
      body(worker, i);
      const std::size_t d = ++done;
      if (progress && (d % step == 0 || d == n)) {
        std::lock_guard lock(report);
        progress(phase, d, n);
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < Workers() && w < n; ++w) threads.emplace_back(run, w);
  run(0);
  for (auto& t : threads) t.join();
}

}  // namespace

std::vector<RelatedLink> ChooseList(content::ArticleId self, const TermVector& vector,
                                    std::vector<Candidate> candidates, Overrides overrides,
                                    const std::function<const InvertedIndex::Entry*(content::ArticleId)>& entry_of,
                                    const std::function<const IndexedArticle*(content::ArticleId)>& indexed_of,
                                    const SimilarityOptions& options) {
  SelectionInput in;
  in.self = self;
  in.candidates = std::move(candidates);
  in.overrides = std::move(overrides);
  in.pinnable = [&](content::ArticleId id) -> std::optional<Candidate> {
    const InvertedIndex::Entry* e = entry_of(id);
    if (!e) return std::nullopt;
    const Similarity s = Compare(vector, e->vector);
    return Candidate{id, s, s.Score(options.weighting), e->published_at};
  };
  in.text_similarity = [&](content::ArticleId a, content::ArticleId b) {
    const IndexedArticle* x = indexed_of(a);
    const IndexedArticle* y = indexed_of(b);
    if (!x || !y) return 0.0;
    // The same headline twice reads as a duplicate, whatever the texts.
    if (x->headline != 0 && x->headline == y->headline) return 1.0;
    return TextSimilarity(x->base, x->shared, y->base, y->shared);
  };
  return Select(std::move(in), options.selection);
}

ComputedIndex ComputeAll(const std::vector<content::ArticleText>& articles,
                         const std::unordered_map<content::ArticleId, Overrides>& overrides,
                         const SimilarityOptions& options, UnixTime now, const Progress& progress) {
  const std::size_t n = articles.size();
  const WeightingOptions& w = options.weighting;

  // Terms are counted on every core a chunk at a time, and interned as each chunk ends, so that
  // the per-article hash maps (large: every word and word pair) never all exist at once.
  ComputedIndex out;
  std::unordered_map<std::string, TermId> ids;
  std::vector<std::vector<std::pair<std::uint32_t, float>>> doc_terms(n);
  out.articles.resize(n);
  constexpr std::size_t kChunk = 1024;
  std::vector<TermCounts> counts(std::min(n, kChunk));
  std::size_t read = 0;
  if (progress) progress("Reading", 0, n);
  for (std::size_t chunk = 0; chunk < n; chunk += kChunk) {
    const std::size_t size = std::min(kChunk, n - chunk);
    ParallelFor(size, {}, "", [&](std::size_t, std::size_t i) { counts[i] = CountTerms(articles[chunk + i], w); });
    for (std::size_t k = 0; k < size; ++k) {
      const std::size_t i = chunk + k;
      IndexedArticle& a = out.articles[i];
      a.id = articles[i].id;
      a.headline = HeadlineKey(articles[i].title);
      a.published_at = articles[i].published_at;
      a.posted = a.published_at <= now;
      a.length = counts[k].length;
      if (a.posted) {
        ++out.stats.documents;
        out.stats.total_length += a.length;
      }
      doc_terms[i].reserve(counts[k].tf.size());
      for (auto& [term, tf] : counts[k].tf) {
        auto [it, inserted] = ids.try_emplace(term, static_cast<TermId>(out.vocabulary.size() + 1));
        if (inserted) out.vocabulary.emplace_back(term, 0);
        if (a.posted) ++out.vocabulary[it->second - 1].second;
        doc_terms[i].emplace_back(static_cast<std::uint32_t>(it->second), static_cast<float>(tf));
        a.terms.push_back(it->second);
      }
      std::sort(a.terms.begin(), a.terms.end());
      counts[k] = TermCounts();
    }
    read += size;
    if (progress) progress("Reading", read, n);
  }
  ids = {};

  // Base vectors are large (every shared word and pair): only their strongest terms are kept for
  // all articles, and each whole one is made again when its article is expanded.
  auto base_of = [&](std::size_t i) {
    std::vector<CountedTerm> terms;
    terms.reserve(doc_terms[i].size());
    // A scheduled article is not counted in the frequencies, but is weighed as if it were.
    const int self = out.articles[i].posted ? 0 : 1;
    for (const auto& [id, tf] : doc_terms[i])
      terms.push_back(
          CountedTerm{id, tf, out.vocabulary[id - 1].second + self, IsTagTerm(out.vocabulary[id - 1].first)});
    return BaseVector(std::move(terms), out.articles[i].length, out.stats.documents + self, out.stats.AverageLength(),
                      w, &out.articles[i].shared);
  };
  for (std::size_t i = 0; i < n; ++i) out.articles[i].base = Strongest(base_of(i), w.base_terms);

  // Expansion: each article's neighbours by its whole base vector against the others' strongest
  // base terms.
  std::vector<InvertedIndex::Scratch> scratch(Workers());
  {
    InvertedIndex lenders;
    for (const auto& a : out.articles)
      if (a.posted) lenders.Add(a.id, a.published_at, a.base);
    const double near_duplicate = options.selection.near_duplicate;
    ParallelFor(n, progress, "Expanding", [&](std::size_t worker, std::size_t i) {
      IndexedArticle& a = out.articles[i];
      const TermVector base = base_of(i);
      auto nearest = Nearest(lenders.Score(base, w, scratch[worker]), a.id, w.neighbours, near_duplicate);
      std::vector<const TermVector*> lent;
      for (content::ArticleId id : nearest) lent.push_back(&lenders.Find(id)->vector);
      a.vector = Expand(base, lent, w);
      doc_terms[i] = {};
    });
  }
  doc_terms.clear();

  // Lists, by expanded vectors.
  InvertedIndex index;
  for (const auto& a : out.articles)
    if (a.posted) index.Add(a.id, a.published_at, a.vector);
  std::vector<std::vector<RelatedLink>> lists(n);
  std::unordered_map<content::ArticleId, std::size_t> position;
  for (std::size_t i = 0; i < n; ++i) position[out.articles[i].id] = i;
  auto entry_of = [&](content::ArticleId id) { return index.Find(id); };
  auto indexed_of = [&](content::ArticleId id) -> const IndexedArticle* {
    auto it = position.find(id);
    return it == position.end() ? nullptr : &out.articles[it->second];
  };
  ParallelFor(n, progress, "Scoring", [&](std::size_t worker, std::size_t i) {
    const IndexedArticle& a = out.articles[i];
    auto o = overrides.find(a.id);
    lists[i] = ChooseList(a.id, a.vector, index.Score(a.vector, w, scratch[worker]),
                          o == overrides.end() ? Overrides{} : o->second, entry_of, indexed_of, options);
  });
  for (std::size_t i = 0; i < n; ++i) out.lists[out.articles[i].id] = std::move(lists[i]);
  return out;
}

RelatedLists ComputeRelated(const std::vector<content::ArticleText>& articles, const SimilarityOptions& options) {
  return ComputeAll(articles, {}, options, std::numeric_limits<UnixTime>::max()).lists;
}

}  // namespace gazette::related
