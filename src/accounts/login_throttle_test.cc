// LoginThrottle: growing delays, and the real user from elsewhere is not locked out.
#include "accounts/login_throttle.h"

#include <gtest/gtest.h>

namespace gazette::accounts {
namespace {

TEST(LoginThrottleTest, FreeFailuresThenGrowingDelays) {
  LoginThrottle t;
  UnixTime now = 1000;
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(t.RetryAfter("ed@x", "1.1.1.1", now));
    t.RecordFailure("ed@x", "1.1.1.1", now);
  }
  EXPECT_EQ(t.RetryAfter("ed@x", "1.1.1.1", now), 1);
  now += 1;
  t.RecordFailure("ed@x", "1.1.1.1", now);
  EXPECT_EQ(t.RetryAfter("ed@x", "1.1.1.1", now), 2);
  now += 2;
  t.RecordFailure("ed@x", "1.1.1.1", now);
  EXPECT_EQ(t.RetryAfter("ed@x", "1.1.1.1", now), 4);
}

TEST(LoginThrottleTest, GuessingFromOneAddressLeavesOtherAddressesFree) {
  LoginThrottle t;
  for (int i = 0; i < 10; ++i) t.RecordFailure("ed@x", "6.6.6.6", 1000 + i * 1000);
  EXPECT_TRUE(t.RetryAfter("ed@x", "6.6.6.6", 10000));
  EXPECT_FALSE(t.RetryAfter("ed@x", "2.2.2.2", 10000));
}

TEST(LoginThrottleTest, ManyAccountsFromOneAddressLockTheAddress) {
  LoginThrottle t;
  for (int i = 0; i < 21; ++i) t.RecordFailure("user" + std::to_string(i), "6.6.6.6", 1000);
  EXPECT_TRUE(t.RetryAfter("someone-new", "6.6.6.6", 1000));
}

TEST(LoginThrottleTest, DelayIsCapped) {
  LoginThrottle t;
  UnixTime now = 0;
  for (int i = 0; i < 60; ++i) {
    now += 1000;
    t.RecordFailure("ed@x", "1.1.1.1", now);
  }
  EXPECT_LE(*t.RetryAfter("ed@x", "1.1.1.1", now), 15 * 60);
}

TEST(LoginThrottleTest, SuccessClearsThePair) {
  LoginThrottle t;
  for (int i = 0; i < 6; ++i) t.RecordFailure("ed@x", "1.1.1.1", 1000);
  t.RecordSuccess("ed@x", "1.1.1.1");
  EXPECT_FALSE(t.RetryAfter("ed@x", "1.1.1.1", 1000));
}

}  // namespace
}  // namespace gazette::accounts
