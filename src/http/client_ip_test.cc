#include "http/client_ip.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

Request From(std::string peer, std::string xff = "") {
  Request r;
  r.remote_ip = std::move(peer);
  if (!xff.empty()) r.headers.emplace_back("x-forwarded-for", std::move(xff));
  return r;
}

const std::vector<std::string> kLoopback = {"127.0.0.1", "::1"};

TEST(ClientIpTest, BelievesXForwardedForOnlyFromTrustedProxies) {
  EXPECT_EQ(ClientIp(From("127.0.0.1", "203.0.113.9"), kLoopback), "203.0.113.9");
  EXPECT_EQ(ClientIp(From("198.51.100.7", "203.0.113.9"), kLoopback), "198.51.100.7");
  EXPECT_EQ(ClientIp(From("127.0.0.1"), kLoopback), "127.0.0.1");
}

TEST(ClientIpTest, TakesTheRightMostUntrustedHop) {
  EXPECT_EQ(ClientIp(From("127.0.0.1", "1.1.1.1, 203.0.113.9, 10.0.0.2"), {"127.0.0.1", "10.0.0.0/8"}), "203.0.113.9");
  EXPECT_EQ(ClientIp(From("127.0.0.1", "not-an-ip"), kLoopback), "127.0.0.1");
  EXPECT_TRUE(IsTrustedProxy("::ffff:127.0.0.1", kLoopback));
  EXPECT_FALSE(IsTrustedProxy("11.0.0.1", {"10.0.0.0/8"}));
}

}  // namespace
}  // namespace gazette::http
