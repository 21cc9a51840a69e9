// FakeClock: a Clock whose "now" a test sets and moves, so that schedules, session expiry and
// comment time traps are tested without waiting.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "common/time.h"

namespace gazette::testing {

// Thread-safe: the time is one atomic count of milliseconds.
class FakeClock final : public Clock {
 public:
  // 14 November 2023, 22:13:20 UTC: a fixed, arbitrary start.
  static constexpr UnixTime kStart = 1700000000;

  explicit FakeClock(UnixTime now = kStart) : now_ms_(now * 1000) {}

  UnixTime Now() const override { return now_ms_.load() / 1000; }
  std::int64_t NowMs() const override { return now_ms_.load(); }

  void Set(UnixTime now) { now_ms_ = now * 1000; }
  // Moves time on (or back, for a negative duration): clock.Advance(std::chrono::days(3)).
  void Advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

}  // namespace gazette::testing
