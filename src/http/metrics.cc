// Metrics in the Prometheus text exposition format (version 0.0.4).
#include "http/metrics.h"

#include <fmt/format.h>

namespace gazette::http {

Metrics::Shard& Metrics::ThisThread() {
  thread_local const Metrics* owner = nullptr;
  thread_local Shard* shard = nullptr;
  if (owner != this) {
    std::lock_guard lock(mutex_);
    shards_.push_back(std::make_unique<Shard>());
    shard = shards_.back().get();
    owner = this;
  }
  return *shard;
}

void Metrics::CountRequest(std::string_view route, int status) {
  Shard& shard = ThisThread();
  std::lock_guard lock(shard.mutex);
  auto it = shard.requests.find(std::pair<std::string_view, int>(route, status));
  if (it == shard.requests.end()) it = shard.requests.emplace(std::pair(std::string(route), status), 0).first;
  ++it->second;
}

void Metrics::ObserveRender(double seconds) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++render_buckets_[i];
  ++render_count_;
  render_sum_ += seconds;
}

std::string Metrics::Exposition(const PageCacheStats* cache) const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP gazette_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE gazette_http_requests_total counter\n";
  std::map<std::pair<std::string, int>, std::uint64_t> requests;
  for (const auto& shard : shards_) {
    std::lock_guard shard_lock(shard->mutex);
    for (const auto& [key, n] : shard->requests) requests[key] += n;
  }
  for (const auto& [key, n] : requests)
    out += fmt::format("gazette_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, n);
  out += "# HELP gazette_render_seconds Time to render a page (cache misses and uncached pages).\n";
  out += "# TYPE gazette_render_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    out += fmt::format("gazette_render_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i], render_buckets_[i]);
  out += fmt::format("gazette_render_seconds_bucket{{le=\"+Inf\"}} {}\n", render_count_);
  out += fmt::format("gazette_render_seconds_sum {}\ngazette_render_seconds_count {}\n", render_sum_, render_count_);
  out += fmt::format(
      "# HELP gazette_change_log_resyncs_total Times the change log was pruned past this server's cursor or the "
      "database was restored under it, so every cached page was dropped.\n"
      "# TYPE gazette_change_log_resyncs_total counter\ngazette_change_log_resyncs_total {}\n",
      change_log_resyncs_.load(std::memory_order_relaxed));
  if (cache) {
    auto counter = [&](const char* name, const char* help, std::uint64_t v) {
      out += fmt::format("# HELP gazette_cache_{0} {1}\n# TYPE gazette_cache_{0} counter\ngazette_cache_{0} {2}\n",
                         name, help, v);
    };
    counter("hits_total", "Requests served from the page cache.", cache->hits);
    counter("misses_total", "Requests that found no cached page and rendered it.", cache->misses);
    counter("coalesced_total", "Requests that waited for another request's render of the same page.", cache->coalesced);
    counter("renders_total", "Pages rendered for the cache.", cache->renders);
    counter("invalidations_total", "Invalidations applied from the change log.", cache->invalidations);
    counter("evictions_total", "Pages evicted to stay within the size bound.", cache->evictions);
    out += fmt::format(
        "# HELP gazette_cache_bytes Memory held by cached pages: bodies, heads, index.\n"
        "# TYPE gazette_cache_bytes gauge\ngazette_cache_bytes {}\n",
        cache->bytes);
    out += fmt::format(
        "# HELP gazette_cache_entries Cached pages.\n# TYPE gazette_cache_entries gauge\n"
        "gazette_cache_entries {}\n",
        cache->entries);
  }
  return out;
}

}  // namespace gazette::http
