// ProgressBar: 30 cells, percentage, count and the phase's elapsed time.
#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace gazette::cli {

ProgressBar::ProgressBar() : tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressBar::Update(std::string_view phase, std::size_t done, std::size_t total) {
  const auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {
    Finish();
    phase_ = phase;
    last_percent_ = -1;
    phase_started_ = now;
  }
  const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  if (!tty_ && percent != 100 && percent / 10 == last_percent_ / 10 && last_percent_ >= 0) return;
  last_percent_ = percent;
  constexpr int kCells = 30;
  const int filled = percent * kCells / 100;
  const double seconds = std::chrono::duration<double>(now - phase_started_).count();
  char line[160];
  std::snprintf(line, sizeof line, "%-8.*s [%.*s%.*s] %3d%%  %zu/%zu  %.1f s", static_cast<int>(phase.size()),
                phase.data(), filled, "##############################", kCells - filled,
                "                              ", percent, done, total, seconds);
  if (tty_) {
    std::cerr << '\r' << line << std::flush;
    open_line_ = true;
  } else {
    std::cerr << line << '\n';
  }
}

void ProgressBar::Finish() {
  if (open_line_) std::cerr << '\n';
  open_line_ = false;
}

}  // namespace gazette::cli
