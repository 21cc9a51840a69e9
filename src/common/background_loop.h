// BackgroundLoop: a thread of its own that runs a round of work every poll interval, and some
// upkeep once an hour, until stopped. The comment worker, the WebSub publisher and the article
// webhook sender each run one; the waiting, waking and stopping live here once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace gazette {

class BackgroundLoop {
 public:
  struct Work {
    std::function<void()> round;   // every poll interval
    std::function<void()> hourly;  // before the first round, then once an hour; may be empty
    // A round or upkeep that throws is reported here; the loop goes on.
    std::function<void(const std::exception&)> on_error;
  };

  BackgroundLoop() = default;
  BackgroundLoop(const BackgroundLoop&) = delete;
  BackgroundLoop& operator=(const BackgroundLoop&) = delete;
  ~BackgroundLoop() { Stop(); }

  // Starts the thread. Call once.
  void Start(std::chrono::milliseconds every, Work work);
  // Wakes the thread, lets its current round finish and joins it. Safe to call twice, or
  // without Start.
  void Stop();

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gazette
