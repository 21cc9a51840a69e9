#include "http/errors.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

std::vector<std::string> Values(const Response& r, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [n, v] : r.headers)
    if (n == name) out.push_back(v);
  return out;
}

TEST(ErrorsTest, AnUnavailableStoreIs503WithRetryAfterAndNeverCached) {
  Response r = Response::Text(200, "page");
  r.Header("Cache-Control", "public, max-age=60");
  r.cache_tags = {"article:1"};
  MarkAsError(r, ErrorCode::kUnavailable);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(Values(r, "Retry-After"), std::vector<std::string>{"5"});
  EXPECT_EQ(Values(r, "Cache-Control"), std::vector<std::string>{"no-store"});
  EXPECT_TRUE(r.cache_tags.empty());
}

TEST(ErrorsTest, OtherErrorsGetTheirStatusAndNoRetryAfter) {
  for (auto [code, status] : std::vector<std::pair<ErrorCode, int>>{{ErrorCode::kInternal, 500},
                                                                    {ErrorCode::kNotFound, 404},
                                                                    {ErrorCode::kInvalidArgument, 422},
                                                                    {ErrorCode::kConflict, 409},
                                                                    {ErrorCode::kPermissionDenied, 403},
                                                                    {ErrorCode::kTooLarge, 413}}) {
    Response r = Response::Text(200, "page");
    r.cache_tags = {"lists"};
    MarkAsError(r, code);
    EXPECT_EQ(r.status, status);
    EXPECT_TRUE(Values(r, "Retry-After").empty());
    EXPECT_TRUE(r.cache_tags.empty());
  }
}

}  // namespace
}  // namespace gazette::http
