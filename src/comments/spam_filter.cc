// Naive Bayes with document frequencies (Bernoulli features present in the comment) and Laplace
// smoothing; only tokens seen in training count, so new words pull neither way.
#include "comments/spam_filter.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "comments/links.h"
#include "common/text.h"

namespace gazette::comments {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

void AddWords(std::string_view s, const std::string& prefix, std::set<std::string>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordByte(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && IsWordByte(static_cast<unsigned char>(s[j]))) ++j;
    if (j - i >= 2 && j - i <= 40) out.insert(prefix + text::AsciiLower(s.substr(i, j - i)));
    i = j;
  }
}

}  // namespace

std::vector<std::string> SpamFeatures(const Comment& c) {
  std::set<std::string> f;
  std::string body = c.body;
  const auto urls = FindUrls(body);
  for (auto it = urls.rbegin(); it != urls.rend(); ++it) {
    f.insert("url:" + UrlHost(it->href));
    body.replace(it->begin, it->end - it->begin, " ");
  }
  f.insert("links:" + std::to_string(std::min<std::size_t>(urls.size(), 3)));
  AddWords(body, "", f);
  AddWords(c.name, "name:", f);
  if (!c.website.empty()) f.insert("site:" + UrlHost(c.website));
  return {f.begin(), f.end()};
}

Result<std::optional<double>> SpamFilter::Score(const Comment& comment, int min_training) const {
  auto totals = model_.Totals();
  if (!totals) return totals.error();
  const SpamTotals& t = *totals;
  if (t.spam_docs < std::max(1, min_training) || t.ham_docs < std::max(1, min_training)) return std::optional<double>();
  const auto features = SpamFeatures(comment);
  auto counts = model_.Counts(features);
  if (!counts) return counts.error();
  const double v = static_cast<double>(std::max<std::int64_t>(1, t.vocabulary));
  const double spam_mass = static_cast<double>(t.spam_features) + v, ham_mass = static_cast<double>(t.ham_features) + v;
  double log_odds = std::log(static_cast<double>(t.spam_docs) / static_cast<double>(t.ham_docs));
  for (const auto& [token, n] : *counts)
    log_odds += std::log(((n.spam + 1.0) / spam_mass) / ((n.ham + 1.0) / ham_mass));
  log_odds = std::clamp(log_odds, -700.0, 700.0);
  return std::optional<double>(1.0 / (1.0 + std::exp(-log_odds)));
}

Result<SpamTotals> MemorySpamModel::Totals() const {
  std::lock_guard lock(mutex_);
  return totals_;
}

Result<std::map<std::string, TokenCounts>> MemorySpamModel::Counts(const std::vector<std::string>& tokens) const {
  std::lock_guard lock(mutex_);
  std::map<std::string, TokenCounts> out;
  for (const auto& t : tokens)
    if (auto it = counts_.find(t); it != counts_.end() && (it->second.spam || it->second.ham)) out[t] = it->second;
  return out;
}

Status MemorySpamModel::Train(std::int64_t id, const std::vector<std::string>& tokens, bool is_spam) {
  std::lock_guard lock(mutex_);
  auto old = labels_.find(id);
  if (old != labels_.end() && old->second == is_spam) return Status::Ok();
  const bool relabel = old != labels_.end();
  const auto n = static_cast<std::int64_t>(tokens.size());
  for (const auto& token : tokens) {
    auto& c = counts_[token];
    const bool was = c.spam || c.ham;
    (is_spam ? c.spam : c.ham) += 1;
    if (relabel) (is_spam ? c.ham : c.spam) -= 1;
    const bool is = c.spam || c.ham;
    totals_.vocabulary += static_cast<int>(is) - static_cast<int>(was);
  }
  (is_spam ? totals_.spam_docs : totals_.ham_docs) += 1;
  (is_spam ? totals_.spam_features : totals_.ham_features) += n;
  if (relabel) {
    (is_spam ? totals_.ham_docs : totals_.spam_docs) -= 1;
    (is_spam ? totals_.ham_features : totals_.spam_features) -= n;
  }
  labels_[id] = is_spam;
  return Status::Ok();
}

}  // namespace gazette::comments
