// RateLimiter: token buckets per key (a client address, an email), in memory.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gazette::comments {

// `count` events per `window_seconds`, refilled continuously; a burst of `count` is allowed.
struct RateLimit {
  std::string key;  // e.g. "ip:203.0.113.9"
  int count = 0;    // 0: no limit
  double window_seconds = 60;
};

// Thread-safe. Buckets are kept per (key, count, window) and forgotten once full again.
class RateLimiter {
 public:
  // Takes one token from every bucket in `limits` if each has one, and returns nullopt.
  // Otherwise takes nothing and returns the whole seconds until all of them have a token.
  // `now` is seconds on a monotonic clock.
  std::optional<int> Take(const std::vector<RateLimit>& limits, double now);

 private:
  struct Bucket {
    double tokens = 0;
    double updated = 0;
  };
  void Prune(double now);

  std::mutex mutex_;
  std::map<std::string, Bucket> buckets_;
  double last_prune_ = 0;
};

}  // namespace gazette::comments
