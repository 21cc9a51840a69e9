// The fields of a Hugo or Jekyll post, read from its parsed front matter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "common/time.h"

namespace gazette::imports::markdown {

struct PostFields {
  std::string title;
  std::optional<UnixTime> date;          // date
  std::optional<UnixTime> publish_date;  // publishDate: when Hugo publishes it, if not `date`
  std::optional<UnixTime> lastmod;       // lastmod (reported: Gazette keeps its own update time)
  std::optional<UnixTime> expiry_date;   // expiryDate (reported: Gazette does not expire articles)
  std::optional<bool> draft;
  std::string slug;
  std::string url;  // Hugo's url or Jekyll's permalink: the old address
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> authors;  // authors, or author
  std::string excerpt;               // summary, or description
  std::vector<std::string> aliases;  // other old addresses
  // Fields read but not kept (weight, lastmod, expiryDate, anything unknown), by name, so that the
  // summary can say what was left behind. Fields that only matter to a theme (layout) are not listed.
  std::vector<std::string> not_kept;
};

// Bounds on what one post may carry; more is refused as malformed.
inline constexpr std::size_t kMaxListItems = 100;
inline constexpr std::size_t kMaxFieldBytes = 4096;

// Reads the fields of `front_matter` (an object; keys compared without case, as Hugo does). Lists
// may be written as lists or, as Jekyll allows, as one space-separated string (tags, categories)
// or a single string (authors, aliases). kInvalidArgument naming the field when a value has the
// wrong type, is too long, or is a date in no known format.
Result<PostFields> ReadPostFields(const nlohmann::json& front_matter);

}  // namespace gazette::imports::markdown
