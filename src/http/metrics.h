// Metrics: counters and a render-time histogram, exposed at /metrics in Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "http/page_cache.h"

namespace gazette::http {

class Metrics {
 public:
  // Thread-safe.
  void CountRequest(std::string_view route, int status);
  void ObserveRender(double seconds);
  // The change log could not be trusted (pruned past this server's cursor, or the database
  // restored under it), so the whole page cache was emptied.
  void CountChangeLogResync() { change_log_resyncs_.fetch_add(1, std::memory_order_relaxed); }
  // The Prometheus exposition of everything counted, plus the cache's statistics.
  std::string Exposition(const PageCacheStats* cache) const;

 private:
  static constexpr std::array<double, 13> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,    0.1,    0.25,  0.5,    1.0};
  // Request counters are kept per thread (a shard each) so that counting never contends.
  // Orders (route, status) keys and finds them by string_view, so counting allocates nothing.
  struct KeyLess {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      const int c = std::string_view(a.first).compare(std::string_view(b.first));
      return c < 0 || (c == 0 && a.second < b.second);
    }
  };
  struct Shard {
    std::mutex mutex;  // uncontended except while /metrics reads it
    std::map<std::pair<std::string, int>, std::uint64_t, KeyLess> requests;
  };
  Shard& ThisThread();

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::array<std::uint64_t, kBuckets.size()> render_buckets_{};
  std::uint64_t render_count_ = 0;
  double render_sum_ = 0;
  std::atomic<std::uint64_t> change_log_resyncs_{0};
};

}  // namespace gazette::http
