// Finding the web addresses in a comment's plain text: for the link-count rule, the spam
// filter's features and auto-linking.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::comments {

struct UrlSpan {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  std::string href;  // absolute: "www." gets "http://" in front
};

// Every http://, https:// or www. address, in order. An address ends at whitespace, a quote or
// an angle bracket; trailing punctuation (.,;:!?) and an unbalanced ')' are left out.
std::vector<UrlSpan> FindUrls(std::string_view text);

// The host of an absolute URL, lowercased ("" if none).
std::string UrlHost(std::string_view url);

}  // namespace gazette::comments
