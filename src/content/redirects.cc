#include "content/redirects.h"

#include <algorithm>
#include <array>

namespace gazette::content {
namespace {

// The query parameters WordPress addresses content with; every other one (utm_*, replytocom)
// does not change which page is meant.
constexpr std::array<std::string_view, 6> kContentParams = {"attachment_id", "author", "cat", "p", "page_id", "tag"};

bool IsContentParam(std::string_view name) {
  return std::find(kContentParams.begin(), kContentParams.end(), name) != kContentParams.end();
}

std::string_view StripHost(std::string_view s) {
  for (std::string_view scheme : {"http://", "https://", "//"}) {
    if (s.substr(0, scheme.size()) == scheme) {
      s.remove_prefix(scheme.size());
      const auto slash = s.find_first_of("/?");
      return slash == std::string_view::npos ? std::string_view("/") : s.substr(slash);
    }
  }
  return s;
}

}  // namespace

std::string NormaliseRedirectSource(std::string_view path_and_query) {
  std::string_view s = StripHost(path_and_query);
  if (const auto hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
  const auto q = s.find('?');
  std::string path(s.substr(0, q));
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  const auto last = path.rfind('/');
  if (path.back() != '/' && path.find('.', last) == std::string::npos) path += '/';

  std::vector<std::string> params;
  if (q != std::string_view::npos) {
    std::string_view query = s.substr(q + 1);
    while (!query.empty()) {
      const auto amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const std::string_view name = pair.substr(0, pair.find('='));
      if (IsContentParam(name) && pair.size() > name.size() + 1) params.emplace_back(pair);
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  std::sort(params.begin(), params.end());
  for (std::size_t i = 0; i < params.size(); ++i) path += (i == 0 ? "?" : "&") + params[i];
  return path;
}

}  // namespace gazette::content
