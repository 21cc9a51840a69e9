#include "comments/form_token.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

TEST(FormTokenTest, AcceptsItsOwnTokenWithinItsLifetime) {
  FormTokenSigner signer("secret-for-tests-0123456789abcdef", 3600);
  const std::string token = signer.Issue(7, 1000);
  EXPECT_TRUE(signer.Verify(token, 7, 1000));
  EXPECT_TRUE(signer.Verify(token, 7, 1000 + 3600));  // reusable: the Back button keeps working
}

TEST(FormTokenTest, RefusesExpiredForgedOrMisdirectedTokens) {
  FormTokenSigner signer("secret-for-tests-0123456789abcdef", 3600);
  const std::string token = signer.Issue(7, 1000);
  EXPECT_FALSE(signer.Verify(token, 7, 1000 + 3601));
  EXPECT_FALSE(signer.Verify(token, 8, 1000));
  EXPECT_FALSE(signer.Verify("", 7, 1000));
  EXPECT_FALSE(signer.Verify("1000.deadbeef", 7, 1000));
  std::string tampered = token;
  tampered[0] = '2';
  EXPECT_FALSE(signer.Verify(tampered, 7, 1000));
  FormTokenSigner other("another-secret-0123456789abcdefgh", 3600);
  EXPECT_FALSE(other.Verify(token, 7, 1000));
  EXPECT_EQ(signer.Verify(token, 8, 1000).error().code, ErrorCode::kPermissionDenied);
}

TEST(FormTokenTest, NewSecretsDiffer) { EXPECT_NE(NewSecret(), NewSecret()); }

}  // namespace
}  // namespace gazette::comments
