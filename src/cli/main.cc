// gazette: one binary, many subcommands (cli/ parses them; app/ builds what they run). The
// catch-all for start-up failures lives here.
#include <cstdio>
#include <exception>

#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    return gazette::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gazette: %s\n", e.what());
    return 1;
  }
}
