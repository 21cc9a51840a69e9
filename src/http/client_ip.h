// The client's address: the peer's, or from X-Forwarded-For when the peer is a trusted proxy.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace gazette::http {

// Whether `ip` is one of `trusted`: exact addresses ("127.0.0.1", "::1") or IPv4 CIDR blocks
// ("10.0.0.0/8").
bool IsTrustedProxy(std::string_view ip, const std::vector<std::string>& trusted);

// The peer's address unless it is a trusted proxy; then the right-most X-Forwarded-For entry
// that is not itself a trusted proxy (entries further left are the client's own claims).
std::string ClientIp(const Request& req, const std::vector<std::string>& trusted);

}  // namespace gazette::http
