// Identicons: a local avatar drawn from a keyed hash of the email, so no outside service is asked
// and the email cannot be recovered from the picture (the key is the site's secret).
#pragma once

#include <string>
#include <string_view>

#include "common/safe_html.h"

namespace gazette::comments {

// An SVG element (for inline use in HTML): a symmetric 5x5 pattern in one colour, the same for
// the same email (trimmed, lowercased) and key. `key` is any length; it is hashed to a key.
SafeHtml IdenticonSvg(std::string_view email, std::string_view key);

}  // namespace gazette::comments
