#include "common/background_loop.h"

namespace gazette {

void BackgroundLoop::Start(std::chrono::milliseconds every, Work work) {
  thread_ = std::thread([this, every, work = std::move(work)] {
    auto next_upkeep = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        if (work.hourly && std::chrono::steady_clock::now() >= next_upkeep) {
          work.hourly();
          next_upkeep = std::chrono::steady_clock::now() + std::chrono::hours(1);
        }
        work.round();
      } catch (const std::exception& e) {
        if (work.on_error) work.on_error(e);
      }
      lock.lock();
      wake_.wait_for(lock, every, [this] { return stopping_; });
    }
  });
}

void BackgroundLoop::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace gazette
