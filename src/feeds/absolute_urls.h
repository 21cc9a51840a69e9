// AbsoluteUrls: an article's HTML made to work away from the site (in a feed reader or an
// aggregator): every href, src, srcset and poster resolved against the article's address, by
// libxml2's HTML parser and its RFC 3986 resolver (xmlBuildURI).
#pragma once

#include <string>
#include <string_view>

namespace gazette::feeds {

// `html` (a fragment, as the Markdown renderer makes it) with relative URLs resolved against
// `base` (an absolute URL). URLs that are already absolute are left as they are. Never throws;
// returns `html` unchanged if it cannot be parsed.
std::string AbsoluteUrls(std::string_view html, std::string_view base);

}  // namespace gazette::feeds
