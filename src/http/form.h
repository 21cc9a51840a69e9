// Parsing of application/x-www-form-urlencoded bodies and query strings (with Boost.URL).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gazette::http {

// Decodes "a=1&b=two+words" into name -> value ('+' is a space). kInvalidArgument on a
// malformed percent-escape. Values are bytes as sent: callers check UTF-8.
Result<std::multimap<std::string, std::string>> ParseFormEncoded(std::string_view body);

}  // namespace gazette::http
