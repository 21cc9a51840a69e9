// Nginx map: quoting that nginx's configuration parser reads back as the same strings.
#include "exports/nginx_map.h"

namespace gazette::exports {
namespace {

bool Safe(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '$') return false;
  return true;
}

}  // namespace

std::string NginxMap(const std::vector<MapEntry>& entries, int* skipped) {
  std::string out = "# Written by `gazette export static`: the site's redirects, for an nginx map block.\n";
  int left_out = 0;
  for (const auto& e : entries) {
    if (!Safe(e.from) || !Safe(e.to) || e.from.front() == '~') {
      ++left_out;
      continue;
    }
    out += "\"" + e.from + "\" \"" + e.to + "\";\n";
  }
  if (skipped) *skipped = left_out;
  return out;
}

}  // namespace gazette::exports
