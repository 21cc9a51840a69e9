// Client addresses. Only trusted proxies may speak for a client: anyone can send the header.
#include "http/client_ip.h"

#include <arpa/inet.h>

#include "common/numbers.h"
#include "common/text.h"

namespace gazette::http {
namespace {

bool InCidr(std::string_view ip, std::string_view cidr) {
  const std::size_t slash = cidr.find('/');
  if (slash == std::string_view::npos) return false;
  const int bits = ParseInteger<int>(cidr.substr(slash + 1)).value_or(-1);
  if (bits < 0 || bits > 32) return false;
  in_addr a{}, net{};
  if (inet_pton(AF_INET, std::string(ip).c_str(), &a) != 1) return false;
  if (inet_pton(AF_INET, std::string(cidr.substr(0, slash)).c_str(), &net) != 1) return false;
  const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
  return (ntohl(a.s_addr) & mask) == (ntohl(net.s_addr) & mask);
}

// "::ffff:127.0.0.1" (an IPv4 peer on a dual-stack socket) -> "127.0.0.1".
std::string_view Unmapped(std::string_view ip) {
  if (ip.starts_with("::ffff:") && ip.find('.') != std::string_view::npos) ip.remove_prefix(7);
  return ip;
}

bool IsIp(std::string_view s) {
  unsigned char buf[sizeof(in6_addr)];
  const std::string str(s);
  return inet_pton(AF_INET, str.c_str(), buf) == 1 || inet_pton(AF_INET6, str.c_str(), buf) == 1;
}

}  // namespace

bool IsTrustedProxy(std::string_view ip, const std::vector<std::string>& trusted) {
  ip = Unmapped(ip);
  for (const auto& t : trusted)
    if (ip == t || InCidr(ip, t)) return true;
  return false;
}

std::string ClientIp(const Request& req, const std::vector<std::string>& trusted) {
  const std::string peer(Unmapped(req.remote_ip));
  if (!IsTrustedProxy(peer, trusted)) return peer;
  const std::string_view xff = req.Header("x-forwarded-for");
  if (xff.empty()) return peer;
  const auto hops = text::SplitTrimmed(xff, ',');
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (it->empty()) continue;
    // A malformed entry is a forgery or a broken proxy: fall back to the peer.
    if (!IsIp(Unmapped(*it))) return peer;
    if (!IsTrustedProxy(*it, trusted) || std::next(it) == hops.rend()) return std::string(Unmapped(*it));
  }
  return peer;
}

}  // namespace gazette::http
