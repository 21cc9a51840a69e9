// How markup reaches a template. A template prints a value unescaped ({{{name}}} or {{&name}})
// only under a name that ends in _html or _svg (or the layout's "content"), and those names are
// filled only by SetHtml, which takes SafeHtml. So a plain string can never be printed raw.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>

#include "common/result.h"
#include "common/safe_html.h"

namespace gazette::themes {

// REQUIRES: `key` ends in _html or _svg, or is "content".
void SetHtml(kainjow::mustache::data& data, const std::string& key, const SafeHtml& html);

// kInvalidArgument naming the template and the value when `source` prints another name unescaped.
Status CheckUnescaped(const std::string& template_name, const std::string& source);

}  // namespace gazette::themes
