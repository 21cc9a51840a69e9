// TF-IDF vectors over headline, tags and body; neighbours found through an inverted index so the
// whole archive is scored in well under a second rather than comparing every pair.
#include "related/similarity.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace gazette::related {
namespace {

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words = {
      "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "not", "but", "this",
      "from", "they", "his", "her", "she", "him", "its", "been", "will", "would", "could", "should", "their",
      "there", "which", "who", "whom", "what", "when", "where", "than", "then", "them", "these", "those",
      "said", "says", "also", "about", "after", "before", "into", "over", "more", "most", "some", "such",
      "only", "other", "our", "out", "can", "all", "any", "one", "two", "new", "may", "just", "being", "very",
      "because", "while", "during", "each", "how", "why", "you", "your", "yours", "we", "us", "mr", "mrs", "ms",
      "year", "years", "last", "first", "told", "like", "made", "make", "many", "much", "now", "per", "own",
      "did", "does", "doing", "under", "between", "through", "against", "both", "well", "even", "still",
      "since", "until", "upon", "yet", "off", "again", "further", "here", "same", "few", "too", "into"};
  return words;
}

std::string Stem(std::string w) {
  auto ends = [&](std::string_view s) { return w.size() > s.size() + 2 && w.ends_with(s); };
  if (ends("ies")) w.replace(w.size() - 3, 3, "y");
  else if (ends("sses")) w.erase(w.size() - 2);
  else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) w.pop_back();
  return w;
}

using Vector = std::vector<std::pair<int, double>>;  // term id, weight; L2-normalised

}  // namespace

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && !StopWords().contains(word)) {
      const bool numeric = std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!numeric) out.push_back(Stem(word));
    }
    word.clear();
  };
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || b >= 0x80) word += c;
    else if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else flush();
  }
  flush();
  return out;
}

RelatedLists ComputeRelated(const std::vector<content::ArticleText>& articles, const SimilarityOptions& opt) {
  const std::size_t n = articles.size();
  // Words and tags are two vector spaces: the final score is tag_weight * tag cosine + word
  // cosine, so shared tags come first and shared words order the rest.
  std::unordered_map<std::string, int> term_ids;
  std::vector<bool> is_tag;
  std::vector<std::unordered_map<int, double>> tf(n);
  auto add = [&](std::size_t doc, const std::string& term, double w, bool tag) {
    auto [it, inserted] = term_ids.try_emplace(term, static_cast<int>(term_ids.size()));
    if (inserted) is_tag.push_back(tag);
    tf[doc][it->second] += w;
  };
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& t : Terms(articles[i].title)) add(i, t, opt.title_weight, false);
    for (const auto& t : Terms(articles[i].plain_body)) add(i, t, 1.0, false);
    for (const auto& tag : articles[i].tag_slugs) add(i, "#" + tag, 1.0, true);
  }
  std::vector<int> df(term_ids.size(), 0);
  for (const auto& doc : tf)
    for (const auto& [term, w] : doc) ++df[term];

  std::vector<Vector> vectors(n);  // word terms by weight, then tag terms
  std::vector<std::vector<std::pair<std::size_t, double>>> postings(term_ids.size());
  for (std::size_t i = 0; i < n; ++i) {
    double norms[2] = {0, 0};
    Vector words, tags;
    for (const auto& [term, w] : tf[i]) {
      // A term in every article says nothing; sublinear tf keeps long articles from dominating.
      const double idf = std::log(static_cast<double>(n + 1) / (df[term] + 0.5));
      const double weight = (1.0 + std::log(w)) * std::max(idf, 0.0);
      if (weight <= 0) continue;
      (is_tag[term] ? tags : words).emplace_back(term, weight);
      norms[is_tag[term]] += weight * weight;
    }
    for (Vector* v : {&words, &tags}) {
      const double norm = std::sqrt(norms[v == &tags]);
      for (auto& [term, w] : *v) {
        w /= norm;
        postings[term].emplace_back(i, w * (v == &tags ? opt.tag_weight : 1.0));
      }
    }
    std::sort(words.begin(), words.end(), [](auto& a, auto& b) { return a.second > b.second; });
    if (words.size() > static_cast<std::size_t>(opt.query_terms)) words.resize(opt.query_terms);
    vectors[i] = std::move(words);
    vectors[i].insert(vectors[i].end(), tags.begin(), tags.end());
  }

  RelatedLists lists;
  std::vector<double> scores(n, 0.0);
  std::vector<std::size_t> touched;
  for (std::size_t i = 0; i < n; ++i) {
    touched.clear();
    for (const auto& [term, w] : vectors[i]) {
      for (const auto& [j, wj] : postings[term]) {
        if (j == i) continue;
        if (scores[j] == 0) touched.push_back(j);
        scores[j] += w * wj;
      }
    }
    std::sort(touched.begin(), touched.end(), [&](std::size_t a, std::size_t b) {
      if (scores[a] != scores[b]) return scores[a] > scores[b];
      return articles[a].published_at > articles[b].published_at;
    });
    auto& list = lists[articles[i].id];
    for (std::size_t k = 0; k < touched.size() && static_cast<int>(list.size()) < opt.top_k; ++k)
      list.push_back({articles[touched[k]].id, scores[touched[k]]});
    for (std::size_t j : touched) scores[j] = 0;
  }
  return lists;
}

}  // namespace gazette::related
