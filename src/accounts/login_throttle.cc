// LoginThrottle: exponential back-off counters keyed by "p:", "i:" and "a:" prefixes.
#include "accounts/login_throttle.h"

#include <algorithm>

namespace gazette::accounts {
namespace {

std::string PairKey(const std::string& account, const std::string& ip) { return "p:" + ip + "\n" + account; }

}  // namespace

std::optional<UnixTime> LoginThrottle::RetryAfter(const std::string& account, const std::string& ip, UnixTime now) {
  std::lock_guard lock(mutex_);
  UnixTime until = 0;
  for (const std::string& key : {PairKey(account, ip), "i:" + ip, "a:" + account}) {
    auto it = counters_.find(key);
    if (it != counters_.end()) until = std::max(until, it->second.locked_until);
  }
  if (until <= now) return std::nullopt;
  return until - now;
}

void LoginThrottle::Fail(const std::string& key, int free, UnixTime now) {
  Counter& c = counters_[key];
  if (c.last && now - c.last > limits_.forget_after) c = Counter{};
  c.last = now;
  ++c.failures;
  if (c.failures < free) return;
  const int doublings = std::min(c.failures - free, 20);
  c.locked_until = now + std::min<UnixTime>(UnixTime{1} << doublings, limits_.max_delay);
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& ip, UnixTime now) {
  std::lock_guard lock(mutex_);
  Prune(now);
  Fail(PairKey(account, ip), limits_.pair_free, now);
  Fail("i:" + ip, limits_.ip_free, now);
  Fail("a:" + account, limits_.account_free, now);
}

void LoginThrottle::RecordSuccess(const std::string& account, const std::string& ip) {
  std::lock_guard lock(mutex_);
  counters_.erase(PairKey(account, ip));
  counters_.erase("a:" + account);
}

void LoginThrottle::Prune(UnixTime now) {
  if (now - last_prune_ < 600) return;
  last_prune_ = now;
  std::erase_if(counters_, [&](const auto& kv) {
    return kv.second.locked_until <= now && now - kv.second.last > limits_.forget_after;
  });
}

}  // namespace gazette::accounts
