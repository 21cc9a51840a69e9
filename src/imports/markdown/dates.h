// Dates as Hugo and Jekyll sites write them in front matter and file names.
#pragma once

#include <optional>
#include <string_view>

#include "common/time.h"

namespace gazette::imports::markdown {

// Parses "2006-01-02", "2006-01-02T15:04:05Z", "2006-01-02T15:04:05.123+01:00",
// "2006-01-02 15:04:05 -0700", "2006-01-02T15:04" and the like. Without an offset the time is
// read as UTC (Hugo's default time zone). nullopt for anything else, or a day that does not exist.
std::optional<UnixTime> ParseFrontMatterDate(std::string_view s);

}  // namespace gazette::imports::markdown
