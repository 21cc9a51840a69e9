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

bool HasSpaceOrControl(std::string_view s) {
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7f) return true;
  return false;
}

}  // namespace

Status CheckRedirect(const Redirect& r) {
  if (r.from.empty() || r.from.front() != '/' || r.from.starts_with("//") || r.from.size() > kMaxRedirectBytes ||
      HasSpaceOrControl(r.from))
    return Error::Invalid("A redirect's old address must be a local path such as /old-post/.", "from");
  if (r.article.has_value() == !r.to.empty())
    return Error::Invalid("A redirect leads to an article or to an address, not both.", "to");
  if (r.article) {
    if (*r.article <= 0) return Error::Invalid("No such article.", "to");
    return Status::Ok();
  }
  const bool local = r.to.front() == '/' && !r.to.starts_with("//");
  const bool url = r.to.starts_with("http://") || r.to.starts_with("https://");
  if ((!local && !url) || r.to.size() > kMaxRedirectBytes || HasSpaceOrControl(r.to))
    return Error::Invalid("A redirect leads to a local path (/new/) or an http(s) URL.", "to");
  if (r.to == r.from || (local && NormaliseRedirectSource(r.to) == r.from))
    return Error::Invalid("A redirect cannot lead to itself.", "to");
  return Status::Ok();
}

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
