// LoginThrottle: growing delays after failed logins, per account, per client IP and per pair.
//
// Three counters apply to each attempt:
//   - the (account, IP) pair: after 5 failures a wait of 1 s, then 2 s, 4 s ... up to 15 minutes;
//   - the client IP, whatever accounts it tries: the same after 20 failures;
//   - the account, from every IP: the same after 50 failures (slows a botnet).
// While any counter is locked, attempts are refused without checking the password and without
// counting, so a guessing run of hundreds of attempts gets a handful of real tries; the real
// user, from another address, is only held back once the account-wide limit is reached.
// A successful login clears the pair's and the account's counters.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/time.h"

namespace gazette::accounts {

struct ThrottleLimits {
  int pair_free = 5;
  int ip_free = 20;
  int account_free = 50;
  UnixTime max_delay = 15 * 60;
  UnixTime forget_after = 24 * 3600;  // a counter idle this long starts again from zero
};

// Thread-safe. Kept in memory: a restart forgives everyone, which costs an attacker a restart.
class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}

  // Seconds to wait before this attempt is allowed, or nullopt when it may go ahead.
  std::optional<UnixTime> RetryAfter(const std::string& account, const std::string& ip, UnixTime now);
  void RecordFailure(const std::string& account, const std::string& ip, UnixTime now);
  void RecordSuccess(const std::string& account, const std::string& ip);

 private:
  struct Counter {
    int failures = 0;
    UnixTime locked_until = 0;
    UnixTime last = 0;
  };
  void Fail(const std::string& key, int free, UnixTime now);
  void Prune(UnixTime now);

  ThrottleLimits limits_;
  std::mutex mutex_;
  std::map<std::string, Counter> counters_;
  UnixTime last_prune_ = 0;
};

}  // namespace gazette::accounts
