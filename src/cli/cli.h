// The command line: `gazette <command> ...`, each command with --help.
#pragma once

namespace gazette::cli {

// Parses the arguments and runs the command. Returns the process exit code.
int Main(int argc, char** argv);

}  // namespace gazette::cli
