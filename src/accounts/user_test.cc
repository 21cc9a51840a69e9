// Role rules: who may edit, publish and moderate.
#include "accounts/user.h"

#include <gtest/gtest.h>

namespace gazette::accounts {
namespace {

User Someone(UserId id, Role role) { return User{id, "x@example.org", "X", role, "", false, 0}; }

TEST(RoleTest, NamesRoundTrip) {
  for (Role r : {Role::kContributor, Role::kAuthor, Role::kEditor, Role::kAdministrator})
    EXPECT_EQ(ParseRole(ToString(r)), r);
  EXPECT_FALSE(ParseRole("root"));
}

TEST(RoleTest, ContributorsWriteOwnDraftsButNeverPublish) {
  const User c = Someone(7, Role::kContributor);
  EXPECT_TRUE(CanEditArticle(c, 7, false));
  EXPECT_FALSE(CanEditArticle(c, 7, true));
  EXPECT_FALSE(CanEditArticle(c, 8, false));
  EXPECT_FALSE(CanPublishArticle(c, 7));
  EXPECT_FALSE(CanModerateComments(c));
}

TEST(RoleTest, AuthorsPublishOnlyTheirOwn) {
  const User a = Someone(7, Role::kAuthor);
  EXPECT_TRUE(CanPublishArticle(a, 7));
  EXPECT_FALSE(CanPublishArticle(a, 8));
  EXPECT_TRUE(CanEditArticle(a, 7, true));
  EXPECT_FALSE(CanEditArticle(a, 0, true));
}

TEST(RoleTest, EditorsDoAllArticlesAndCommentsButNotUsers) {
  const User e = Someone(7, Role::kEditor);
  EXPECT_TRUE(CanPublishArticle(e, 8));
  EXPECT_TRUE(CanModerateComments(e));
  EXPECT_FALSE(CanManageUsers(e));
  EXPECT_TRUE(CanManageUsers(Someone(1, Role::kAdministrator)));
}

}  // namespace
}  // namespace gazette::accounts
