// Nginx map: the site's redirects as the body of an nginx `map` block, for
//   map $uri $new_uri { include /srv/site/redirects.map; }
//   if ($new_uri) { return 301 $new_uri; }
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gazette::exports {

struct MapEntry {
  std::string from;  // a local path as nginx's $uri (or $request_uri) holds it
  std::string to;    // a local path or an absolute URL
};

// One `"from" "to";` line per entry, both quoted. Entries nginx could misread are left out and
// counted in `*skipped`: a quote, backslash, '$' (a variable) or control character anywhere, a
// source starting with '~' (a regular expression), or an empty side.
std::string NginxMap(const std::vector<MapEntry>& entries, int* skipped);

}  // namespace gazette::exports
