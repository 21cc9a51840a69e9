// A progress bar on stderr for long commands: redrawn in place on a terminal, one line per
// phase (and every 10%) otherwise, so that logs stay readable.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::cli {

class ProgressBar {
 public:
  ProgressBar();
  // Shows that `done` of `total` steps of `phase` are finished. Not thread-safe: call from one
  // thread at a time.
  void Update(std::string_view phase, std::size_t done, std::size_t total);
  // Ends the current line.
  void Finish();

 private:
  bool tty_;
  std::string phase_;
  int last_percent_ = -1;
  bool open_line_ = false;
  std::chrono::steady_clock::time_point phase_started_;
};

}  // namespace gazette::cli
