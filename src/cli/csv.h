// A small RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::cli {

// Every record of `data` as its fields. A trailing newline does not make an empty record.
std::vector<std::vector<std::string>> ParseCsv(std::string_view data);

}  // namespace gazette::cli
