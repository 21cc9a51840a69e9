// AccountService against the in-memory twins: users, passwords, sessions that expire as the fake
// clock moves on, and API tokens.
#include "accounts/account_service.h"

#include <gtest/gtest.h>

#include "testing/fake_clock.h"
#include "testing/memory_storage.h"

namespace gazette::accounts {
namespace {

using std::chrono::days;

class AccountServiceTest : public ::testing::Test {
 protected:
  User Add(const std::string& email, Role role = Role::kEditor) {
    auto u = service_.AddUser(NewUser{email, "Ann  Editor", role, "correct horse battery"});
    EXPECT_TRUE(u) << u.error().message;
    return u ? *u : User{};
  }

  gazette::testing::MemoryStorage storage_;
  gazette::testing::FakeClock clock_;
  AccountService service_{storage_.users, storage_.sessions, storage_.tokens, clock_};
};

TEST_F(AccountServiceTest, AddsUsersWithALowercasedEmailAndAHashedPassword) {
  User u = Add("  Ann@Example.ORG ");
  EXPECT_EQ(u.email, "ann@example.org");
  EXPECT_EQ(u.name, "Ann Editor");
  EXPECT_EQ(u.created_at, clock_.Now());
  EXPECT_NE(storage_.users.FindById(u.id)->password_hash.find("argon2id"), std::string::npos);
  EXPECT_EQ(service_.AddUser(NewUser{"ANN@example.org", "Other", Role::kAuthor, "correct horse battery"}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(service_.AddUser(NewUser{"nobody", "X", Role::kAuthor, "correct horse battery"}).error().field, "email");
  EXPECT_EQ(service_.AddUser(NewUser{"bo@example.org", "Bo", Role::kAuthor, "short"}).error().field, "password");
}

TEST_F(AccountServiceTest, ChecksPasswordsAndRefusesDisabledAccounts) {
  User u = Add("ann@example.org");
  EXPECT_EQ(service_.CheckPassword(" ANN@example.org", "correct horse battery")->id, u.id);
  EXPECT_EQ(service_.CheckPassword("ann@example.org", "wrong password!").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_.CheckPassword("bo@example.org", "correct horse battery").error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(service_.SetDisabled(u.id, true));
  EXPECT_EQ(service_.CheckPassword("ann@example.org", "correct horse battery").error().code,
            ErrorCode::kPermissionDenied);
}

TEST_F(AccountServiceTest, SessionsExpireAfterFourteenDays) {
  User u = Add("ann@example.org");
  auto started = service_.StartSession(u, "192.0.2.1", "Firefox");
  ASSERT_TRUE(started);
  EXPECT_EQ(started->session.expires_at, clock_.Now() + AccountService::kSessionSeconds);
  clock_.Advance(days(13));
  auto resumed = service_.ResumeSession(started->token);
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->user.id, u.id);
  EXPECT_EQ(storage_.sessions.FindByTokenHash(started->session.token_hash)->last_seen_at, clock_.Now());
  clock_.Advance(days(1));
  EXPECT_EQ(service_.ResumeSession(started->token).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(storage_.sessions.FindByTokenHash(started->session.token_hash).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.ResumeSession(std::string(64, 'a')).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(AccountServiceTest, APasswordResetEndsEverySession) {
  User u = Add("ann@example.org");
  auto one = service_.StartSession(u, "", "");
  auto two = service_.StartSession(u, "", "");
  ASSERT_TRUE(one && two);
  EXPECT_EQ(service_.Sessions(u.id)->size(), 2u);
  ASSERT_TRUE(service_.ChangePassword(u.id, "correct horse battery", "another good phrase", two->session.id));
  EXPECT_FALSE(service_.ResumeSession(one->token));
  EXPECT_TRUE(service_.ResumeSession(two->token));
  ASSERT_TRUE(service_.ResetPassword(u.id, "a third good phrase"));
  EXPECT_FALSE(service_.ResumeSession(two->token));
  EXPECT_TRUE(service_.CheckPassword("ann@example.org", "a third good phrase"));
  EXPECT_EQ(service_.RevokeSession(u.id, 999).error().code, ErrorCode::kNotFound);
}

TEST_F(AccountServiceTest, ApiTokensNameTheirUserUntilRevokedOrDisabled) {
  User u = Add("ann@example.org");
  User other = Add("bo@example.org");
  auto token = service_.CreateApiToken(u.id, "");
  ASSERT_TRUE(token);
  EXPECT_EQ(token->size(), 68u);
  EXPECT_EQ(service_.UserForApiToken(*token)->id, u.id);
  auto list = service_.ApiTokens(u.id);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, "API token");
  EXPECT_EQ((*list)[0].last_used_at, clock_.Now());
  EXPECT_EQ(service_.CreateApiToken(999, "x").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(service_.RevokeApiToken(other.id, (*list)[0].id));  // not theirs: nothing happens
  EXPECT_TRUE(service_.UserForApiToken(*token));
  ASSERT_TRUE(service_.SetDisabled(u.id, true));
  EXPECT_EQ(service_.UserForApiToken(*token).error().code, ErrorCode::kPermissionDenied);
  ASSERT_TRUE(service_.SetDisabled(u.id, false));
  ASSERT_TRUE(service_.RevokeApiToken(u.id, (*list)[0].id));
  EXPECT_EQ(service_.UserForApiToken(*token).error().code, ErrorCode::kPermissionDenied);
}

}  // namespace
}  // namespace gazette::accounts
