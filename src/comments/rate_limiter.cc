// Token buckets: all-or-nothing across the limits, so a refused comment costs the visitor nothing.
#include "comments/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace gazette::comments {

std::optional<int> RateLimiter::Take(const std::vector<RateLimit>& limits, double now) {
  std::lock_guard lock(mutex_);
  Prune(now);
  std::vector<std::pair<Bucket*, const RateLimit*>> taken;
  double wait = 0;
  for (const auto& l : limits) {
    if (l.count <= 0) continue;
    const std::string id = l.key + "|" + std::to_string(l.count) + "/" + std::to_string(l.window_seconds);
    auto [it, fresh] = buckets_.try_emplace(id, Bucket{static_cast<double>(l.count), now});
    Bucket& b = it->second;
    const double rate = l.count / l.window_seconds;
    // A clock set back refills nothing (and takes nothing away).
    b.tokens = std::min<double>(l.count, b.tokens + std::max(0.0, now - b.updated) * rate);
    b.updated = std::max(b.updated, now);
    if (b.tokens < 1) wait = std::max(wait, (1 - b.tokens) / rate);
    taken.emplace_back(&b, &l);
  }
  if (wait > 0) return std::max(1, static_cast<int>(std::ceil(wait)));
  for (auto& [b, l] : taken) b->tokens -= 1;
  return std::nullopt;
}

void RateLimiter::Prune(double now) {
  if (now - last_prune_ < 60) return;
  last_prune_ = now;
  // A bucket untouched for a day is full again for any window up to a day; the rest are kept.
  std::erase_if(buckets_, [now](const auto& entry) { return now - entry.second.updated > 86400; });
}

}  // namespace gazette::comments
