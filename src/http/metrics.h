// Metrics: counters and a render-time histogram, exposed at /metrics in Prometheus text format.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "http/page_cache.h"

namespace gazette::http {

class Metrics {
 public:
  // Thread-safe.
  void CountRequest(std::string_view route, int status);
  void ObserveRender(double seconds);
  // The Prometheus exposition of everything counted, plus the cache's statistics.
  std::string Exposition(const PageCacheStats* cache) const;

 private:
  static constexpr std::array<double, 13> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                       0.025,  0.05,    0.1,    0.25,  0.5,    1.0};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> render_buckets_{};
  std::uint64_t render_count_ = 0;
  double render_sum_ = 0;
};

}  // namespace gazette::http
