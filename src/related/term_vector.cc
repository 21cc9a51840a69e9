// Weighting. Terms found in one article only are left out of its vector: they cannot make it
// similar to anything (and normalising without them gives better neighbours on the BBC corpus).
#include "related/term_vector.h"

#include <algorithm>
#include <cmath>

#include "common/fnv1a.h"
#include "related/analyzer.h"

namespace gazette::related {
namespace {

void SortByTerm(TermVector& v) {
  std::sort(v.begin(), v.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.term < b.term; });
}

void Normalise(TermVector& v, bool tags) {
  double norm = 0;
  for (const auto& t : v)
    if (t.tag == tags) norm += double(t.weight) * t.weight;
  if (norm <= 0) return;
  norm = std::sqrt(norm);
  for (auto& t : v)
    if (t.tag == tags) t.weight = static_cast<float>(t.weight / norm);
}

// Keeps the `count` heaviest word terms (ties: lower term id) and every tag term.
void KeepStrongest(TermVector& v, int count) {
  auto tags_end = std::partition(v.begin(), v.end(), [](const WeightedTerm& t) { return t.tag; });
  const auto words = static_cast<std::size_t>(v.end() - tags_end);
  if (words > static_cast<std::size_t>(count)) {
    std::nth_element(tags_end, tags_end + count, v.end(), [](const WeightedTerm& a, const WeightedTerm& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    });
    v.erase(tags_end + count, v.end());
  }
  SortByTerm(v);
}

}  // namespace

TermCounts CountTerms(const content::ArticleText& article, const WeightingOptions& options) {
  TermCounts counts;
  for (auto& t : Terms(article.title)) {
    counts.tf[std::move(t)] += options.title_weight;
    counts.length += options.title_weight;
  }
  const std::vector<std::string> body = Terms(article.plain_body);
  for (std::size_t i = 0; i < body.size(); ++i) {
    counts.tf[body[i]] += 1.0;
    if (i > 0 && options.bigram_weight > 0) counts.tf[body[i - 1] + " " + body[i]] += options.bigram_weight;
  }
  counts.length += static_cast<double>(body.size()) * (1.0 + options.bigram_weight);
  for (const auto& slug : article.tag_slugs) counts.tf["#" + slug] = 1.0;
  return counts;
}

std::uint64_t HeadlineKey(std::string_view headline) {
  Fnv1a hash;  // over lowercased words, one space apart
  bool space = false, any = false;
  for (char c : headline) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank) {
      space = any;
      continue;
    }
    if (space) hash.Add(' ');
    space = false;
    any = true;
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    hash.Add(static_cast<unsigned char>(lower));
  }
  return hash.Value() == 0 ? 1 : hash.Value();
}

double Idf(int df, int n) { return std::log((n + 1.0) / (std::max(df, 1) + 0.5)); }

TermVector BaseVector(std::vector<CountedTerm> terms, double length, int n, double avg_length,
                      const WeightingOptions& o, double* shared) {
  // In term order, so that the sums below do not depend on the order terms were counted in.
  std::sort(terms.begin(), terms.end(), [](const CountedTerm& a, const CountedTerm& b) { return a.id < b.id; });
  TermVector v;
  const double norm_length = avg_length > 0 ? length / avg_length : 1.0;
  double own = 0;  // weight of the words no other article has, squared
  for (const auto& t : terms) {
    const double idf = Idf(t.df, n);
    const double tf = t.tag ? 1.0 : t.tf * (o.k1 + 1) / (t.tf + o.k1 * (1 - o.b + o.b * norm_length));
    const double weight = tf * idf;
    if (weight <= 0) continue;
    if (t.df < 2 && !t.tag)
      own += weight * weight;
    else
      v.push_back(WeightedTerm{t.id, static_cast<float>(weight), t.tag});
  }
  double kept = 0;
  for (const auto& t : v)
    if (!t.tag) kept += double(t.weight) * t.weight;
  if (shared) *shared = kept + own > 0 ? std::sqrt(kept / (kept + own)) : 0;
  Normalise(v, false);
  Normalise(v, true);
  SortByTerm(v);
  return v;
}

TermVector Strongest(const TermVector& v, int count) {
  TermVector out = v;
  KeepStrongest(out, count);
  return out;
}

TermVector Expand(const TermVector& base, const std::vector<const TermVector*>& neighbours, const WeightingOptions& o) {
  std::unordered_map<TermId, double> sum;
  TermVector out;
  for (const auto& t : base) {
    if (t.tag)
      out.push_back(t);
    else
      sum[t.term] += t.weight;
  }
  if (!neighbours.empty()) {
    const double share = o.expansion / static_cast<double>(neighbours.size());
    for (const TermVector* n : neighbours)
      for (const auto& t : *n)
        if (!t.tag) sum[t.term] += share * t.weight;
  }
  for (const auto& [term, weight] : sum) out.push_back(WeightedTerm{term, static_cast<float>(weight), false});
  KeepStrongest(out, o.expanded_terms);
  Normalise(out, false);
  return out;
}

Similarity Compare(const TermVector& a, const TermVector& b) {
  Similarity s;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->term < j->term) {
      ++i;
    } else if (j->term < i->term) {
      ++j;
    } else {
      (i->tag ? s.tags : s.words) += double(i->weight) * j->weight;
      ++i;
      ++j;
    }
  }
  return s;
}

}  // namespace gazette::related
