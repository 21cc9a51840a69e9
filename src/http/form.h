// Parsing of application/x-www-form-urlencoded bodies and query strings (with Boost.URL).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gazette::http {

// Decodes "a=1&b=two+words" into name -> value ('+' is a space). kInvalidArgument on a
// malformed percent-escape. Values are bytes as sent: callers check UTF-8.
using Form = std::multimap<std::string, std::string>;
Result<Form> ParseFormEncoded(std::string_view body);

// The first value of `name`, or "" when the form has none.
std::string FormValue(const Form& form, std::string_view name);

}  // namespace gazette::http
