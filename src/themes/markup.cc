#include "themes/markup.h"

#include <cassert>
#include <regex>

namespace gazette::themes {
namespace {

bool IsMarkupKey(const std::string& key) { return key.ends_with("_html") || key.ends_with("_svg") || key == "content"; }

}  // namespace

void SetHtml(kainjow::mustache::data& data, const std::string& key, const SafeHtml& html) {
  assert(IsMarkupKey(key));
  data.set(key, html.str());
}

Status CheckUnescaped(const std::string& template_name, const std::string& source) {
  static const std::regex raw(R"(\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{&\s*([^}\s]+)\s*\}\})");
  for (std::sregex_iterator it(source.begin(), source.end(), raw), end; it != end; ++it) {
    const std::string key = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
    const std::string last = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
    if (!IsMarkupKey(last))
      return Error::Invalid("Template " + template_name + " prints \"" + key +
                            "\" unescaped; only values named *_html or *_svg are markup (use {{" + key + "}}).");
  }
  return Status::Ok();
}

}  // namespace gazette::themes
