// Accounts on a real SQLite file: users, sessions and API tokens through AccountService.
#include "storage/sqlite/account_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "accounts/account_service.h"

namespace gazette::storage::sqlite {
namespace {

class FixedClock final : public Clock {
 public:
  UnixTime Now() const override { return now; }
  UnixTime now = 1'800'000'000;
};

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("gazette-accounts-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = Database::Open(path_.string(), true);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    users_ = std::make_unique<UserStore>(*db_);
    sessions_ = std::make_unique<SessionStore>(*db_);
    tokens_ = std::make_unique<ApiTokenStore>(*db_);
    service_ = std::make_unique<accounts::AccountService>(*users_, *sessions_, *tokens_, clock_);
  }
  void TearDown() override {
    service_.reset();
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  accounts::User Add(const std::string& email, accounts::Role role) {
    auto u = service_->AddUser({email, "Ed Itor", role, "a long password"});
    EXPECT_TRUE(u) << u.error().message;
    return *u;
  }

  std::filesystem::path path_;
  FixedClock clock_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<UserStore> users_;
  std::unique_ptr<SessionStore> sessions_;
  std::unique_ptr<ApiTokenStore> tokens_;
  std::unique_ptr<accounts::AccountService> service_;
};

TEST_F(AccountStoreTest, AddsUsersWithHashedPasswordsAndUniqueEmails) {
  auto u = Add("Ed@Example.org", accounts::Role::kEditor);
  EXPECT_EQ(u.email, "ed@example.org");
  EXPECT_TRUE(u.password_hash.starts_with("$argon2id$"));
  auto again = service_->AddUser({"ed@example.org", "Other", accounts::Role::kAuthor, "a long password"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(service_->AddUser({"not-an-email", "X", accounts::Role::kAuthor, "a long password"}));
  EXPECT_FALSE(service_->AddUser({"x@example.org", "X", accounts::Role::kAuthor, "short"}));
}

TEST_F(AccountStoreTest, ChecksPasswordsAndRefusesDisabledUsers) {
  auto u = Add("ed@example.org", accounts::Role::kEditor);
  EXPECT_TRUE(service_->CheckPassword("ED@example.org", "a long password"));
  EXPECT_EQ(service_->CheckPassword("ed@example.org", "wrong password").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->CheckPassword("nobody@example.org", "a long password").error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(service_->SetDisabled(u.id, true));
  EXPECT_FALSE(service_->CheckPassword("ed@example.org", "a long password"));
}

TEST_F(AccountStoreTest, SessionsResumeExpireAndAreRevocable) {
  auto u = Add("ed@example.org", accounts::Role::kEditor);
  auto s = service_->StartSession(u, "127.0.0.1", "test");
  ASSERT_TRUE(s);
  EXPECT_NE(s->session.token_hash, s->token);
  auto back = service_->ResumeSession(s->token);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->user.id, u.id);
  EXPECT_EQ(back->session.csrf, s->session.csrf);
  EXPECT_FALSE(service_->ResumeSession(std::string(64, 'a')));

  ASSERT_TRUE(service_->RevokeSession(u.id, s->session.id));
  EXPECT_FALSE(service_->ResumeSession(s->token));

  auto s2 = service_->StartSession(u, "127.0.0.1", "test");
  clock_.now += accounts::AccountService::kSessionSeconds + 1;
  EXPECT_FALSE(service_->ResumeSession(s2->token));
}

TEST_F(AccountStoreTest, PasswordResetSignsOutEverywhere) {
  auto u = Add("ed@example.org", accounts::Role::kEditor);
  auto s = service_->StartSession(u, "127.0.0.1", "test");
  ASSERT_TRUE(service_->ResetPassword(u.id, "another long password"));
  EXPECT_FALSE(service_->ResumeSession(s->token));
  EXPECT_TRUE(service_->CheckPassword("ed@example.org", "another long password"));
}

TEST_F(AccountStoreTest, ApiTokensIdentifyTheirUser) {
  auto u = Add("ed@example.org", accounts::Role::kAuthor);
  auto token = service_->CreateApiToken(u.id, "ci");
  ASSERT_TRUE(token);
  EXPECT_TRUE(token->starts_with("gzt_"));
  auto who = service_->UserForApiToken(*token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->id, u.id);
  EXPECT_FALSE(service_->UserForApiToken("gzt_" + std::string(64, '0')));
  ASSERT_TRUE(service_->SetDisabled(u.id, true));
  EXPECT_FALSE(service_->UserForApiToken(*token));
}

}  // namespace
}  // namespace gazette::storage::sqlite
