#include "common/background_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace gazette {
namespace {

TEST(BackgroundLoop, RunsRoundsUntilStoppedAndUpkeepFirst) {
  std::atomic<int> rounds = 0, upkeep = 0, upkeep_before_first_round = -1;
  BackgroundLoop loop;
  loop.Start(std::chrono::milliseconds(1), {[&] {
                                              if (rounds == 0) upkeep_before_first_round = upkeep.load();
                                              ++rounds;
                                            },
                                            [&] { ++upkeep; }, nullptr});
  while (rounds < 3) std::this_thread::yield();
  loop.Stop();
  const int after_stop = rounds;
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(rounds, after_stop) << "no round runs after Stop";
  EXPECT_EQ(upkeep_before_first_round, 1);
  EXPECT_EQ(upkeep, 1) << "upkeep is hourly, not every round";
}

TEST(BackgroundLoop, AThrowingRoundIsReportedAndTheLoopGoesOn) {
  std::atomic<int> rounds = 0, errors = 0;
  BackgroundLoop loop;
  loop.Start(std::chrono::milliseconds(1),
             {[&] {
                ++rounds;
                throw std::runtime_error("disk full");
              },
              nullptr, [&](const std::exception& e) { errors += std::string(e.what()) == "disk full"; }});
  while (rounds < 3) std::this_thread::yield();
  loop.Stop();
  EXPECT_GE(errors, 2);
}

TEST(BackgroundLoop, StopWakesAWaitingLoopAtOnce) {
  BackgroundLoop loop;
  std::atomic<bool> ran = false;
  loop.Start(std::chrono::hours(1), {[&] { ran = true; }, nullptr, nullptr});
  while (!ran) std::this_thread::yield();
  const auto started = std::chrono::steady_clock::now();
  loop.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(BackgroundLoop, StopWithoutStartIsHarmless) {
  BackgroundLoop loop;
  loop.Stop();
  loop.Stop();
}

}  // namespace
}  // namespace gazette
