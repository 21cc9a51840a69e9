// The UserRepository, SessionRepository, ApiTokenRepository and MediaRepository contracts.
#include "storage/contract/contract.h"

namespace gazette::storage::contract {
namespace {

using accounts::ApiToken;
using accounts::Session;

template <class B>
class AccountContract : public Contract<B> {};
TYPED_TEST_SUITE(AccountContract, Backends, BackendName);

Session MakeSession(accounts::UserId user, const std::string& hash, UnixTime last_seen, UnixTime expires) {
  return Session{0, hash, user, "csrf-" + hash, 100, last_seen, expires, "192.0.2.1", "Firefox"};
}

TYPED_TEST(AccountContract, UsersRoundTripEveryField) {
  accounts::User u{0, "ann@example.org", "Ann Author", accounts::Role::kAuthor, "$argon2id$x", true, 1234};
  auto stored = this->b.users.Insert(u);
  ASSERT_TRUE(stored);
  EXPECT_GT(stored->id, 0);
  for (auto found : {this->b.users.FindById(stored->id), this->b.users.FindByEmail("ann@example.org")}) {
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, stored->id);
    EXPECT_EQ(found->email, "ann@example.org");
    EXPECT_EQ(found->name, "Ann Author");
    EXPECT_EQ(found->role, accounts::Role::kAuthor);
    EXPECT_EQ(found->password_hash, "$argon2id$x");
    EXPECT_TRUE(found->disabled);
    EXPECT_EQ(found->created_at, 1234);
  }
  EXPECT_EQ(CodeOf(this->b.users.FindById(999)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.users.FindByEmail("bo@example.org")), ErrorCode::kNotFound);
}

// The store compares emails as written; AccountService lowercases them before they get there.
TYPED_TEST(AccountContract, EmailsAreUniqueAsWritten) {
  this->AddUser("ann@example.org");
  accounts::User again{0, "ann@example.org", "Other", accounts::Role::kEditor, "h", false, 1};
  EXPECT_EQ(CodeOf(this->b.users.Insert(again)), ErrorCode::kConflict);
  again.email = "ANN@example.org";
  EXPECT_TRUE(this->b.users.Insert(again));
  EXPECT_EQ(this->b.users.FindByEmail("ANN@example.org")->name, "Other");
  EXPECT_EQ(this->b.users.List()->size(), 2u);
}

TYPED_TEST(AccountContract, UsersAreListedByEmailAndUpdated) {
  auto zed = this->AddUser("zed@example.org");
  auto ann = this->AddUser("ann@example.org");
  auto list = this->b.users.List();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ann.id);
  EXPECT_EQ((*list)[1].id, zed.id);
  accounts::User changed = zed;
  changed.email = "ignored@example.org";
  changed.name = "Zed Editor";
  changed.role = accounts::Role::kAdministrator;
  changed.password_hash = "new";
  changed.disabled = true;
  ASSERT_TRUE(this->b.users.Update(changed));
  auto found = this->b.users.FindById(zed.id);
  EXPECT_EQ(found->email, "zed@example.org");
  EXPECT_EQ(found->name, "Zed Editor");
  EXPECT_EQ(found->role, accounts::Role::kAdministrator);
  EXPECT_EQ(found->password_hash, "new");
  EXPECT_TRUE(found->disabled);
  // The interface promises kNotFound; both backends answer Ok (an UPDATE that matched nothing).
  changed.id = 999;
  EXPECT_TRUE(this->b.users.Update(changed));
}

TYPED_TEST(AccountContract, SessionsRoundTripAndBelongToUsers) {
  auto ann = this->AddUser("ann@example.org");
  auto stored = this->b.sessions.Insert(MakeSession(ann.id, "h1", 150, 900));
  ASSERT_TRUE(stored);
  auto found = this->b.sessions.FindByTokenHash("h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, stored->id);
  EXPECT_EQ(found->user_id, ann.id);
  EXPECT_EQ(found->csrf, "csrf-h1");
  EXPECT_EQ(found->created_at, 100);
  EXPECT_EQ(found->last_seen_at, 150);
  EXPECT_EQ(found->expires_at, 900);
  EXPECT_EQ(found->ip, "192.0.2.1");
  EXPECT_EQ(found->user_agent, "Firefox");
  EXPECT_EQ(CodeOf(this->b.sessions.FindByTokenHash("nope")), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.sessions.Insert(MakeSession(ann.id, "h1", 1, 2))), ErrorCode::kConflict);
  EXPECT_EQ(CodeOf(this->b.sessions.Insert(MakeSession(999, "h2", 1, 2))), ErrorCode::kConflict);
  ASSERT_TRUE(this->b.sessions.Touch(stored->id, 400));
  EXPECT_EQ(this->b.sessions.FindByTokenHash("h1")->last_seen_at, 400);
  ASSERT_TRUE(this->b.sessions.Touch(999, 400));
}

TYPED_TEST(AccountContract, SessionsAreListedLatestSeenFirstAndDeleted) {
  auto ann = this->AddUser("ann@example.org");
  auto bo = this->AddUser("bo@example.org");
  auto s1 = *this->b.sessions.Insert(MakeSession(ann.id, "a1", 100, 1000));
  auto s2 = *this->b.sessions.Insert(MakeSession(ann.id, "a2", 300, 2000));
  auto s3 = *this->b.sessions.Insert(MakeSession(ann.id, "a3", 200, 3000));
  auto theirs = *this->b.sessions.Insert(MakeSession(bo.id, "b1", 100, 1000));
  auto list = this->b.sessions.ListForUser(ann.id);
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].id, s2.id);
  EXPECT_EQ((*list)[1].id, s3.id);
  EXPECT_EQ((*list)[2].id, s1.id);
  ASSERT_TRUE(this->b.sessions.DeleteForUser(ann.id, s3.id));
  list = this->b.sessions.ListForUser(ann.id);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, s3.id);
  ASSERT_TRUE(this->b.sessions.DeleteExpired(1000));  // expires_at <= now goes
  EXPECT_EQ(CodeOf(this->b.sessions.FindByTokenHash("b1")), ErrorCode::kNotFound);
  EXPECT_TRUE(this->b.sessions.FindByTokenHash("a3"));
  ASSERT_TRUE(this->b.sessions.Delete(s3.id));
  EXPECT_TRUE(this->b.sessions.ListForUser(ann.id)->empty());
  ASSERT_TRUE(this->b.sessions.Insert(MakeSession(bo.id, "b2", 1, 5000)));
  ASSERT_TRUE(this->b.sessions.DeleteForUser(bo.id, 0));
  EXPECT_TRUE(this->b.sessions.ListForUser(bo.id)->empty());
  (void)theirs;
}

TYPED_TEST(AccountContract, ApiTokensRoundTripAndAreRevokedOnlyByTheirUser) {
  auto ann = this->AddUser("ann@example.org");
  auto bo = this->AddUser("bo@example.org");
  auto t1 = this->b.tokens.Insert(ApiToken{0, "t1", ann.id, "Deploy", 100, 777});
  ASSERT_TRUE(t1);
  auto t2 = this->b.tokens.Insert(ApiToken{0, "t2", ann.id, "Import", 50, 0});
  ASSERT_TRUE(t2);
  auto found = this->b.tokens.FindByTokenHash("t1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, t1->id);
  EXPECT_EQ(found->user_id, ann.id);
  EXPECT_EQ(found->name, "Deploy");
  EXPECT_EQ(found->created_at, 100);
  EXPECT_EQ(found->last_used_at, 0);  // a new token was never used
  EXPECT_EQ(CodeOf(this->b.tokens.FindByTokenHash("nope")), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.tokens.Insert(ApiToken{0, "t1", ann.id, "Again", 1, 0})), ErrorCode::kConflict);
  EXPECT_EQ(CodeOf(this->b.tokens.Insert(ApiToken{0, "t9", 999, "Nobody", 1, 0})), ErrorCode::kConflict);
  ASSERT_TRUE(this->b.tokens.Touch(t1->id, 500));
  EXPECT_EQ(this->b.tokens.FindByTokenHash("t1")->last_used_at, 500);
  auto list = this->b.tokens.ListForUser(ann.id);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, t1->id);  // by id, not by time
  ASSERT_TRUE(this->b.tokens.Delete(bo.id, t1->id));
  EXPECT_TRUE(this->b.tokens.FindByTokenHash("t1"));
  ASSERT_TRUE(this->b.tokens.Delete(ann.id, t1->id));
  EXPECT_EQ(CodeOf(this->b.tokens.FindByTokenHash("t1")), ErrorCode::kNotFound);
}

template <class B>
class MediaContract : public Contract<B> {};
TYPED_TEST_SUITE(MediaContract, Backends, BackendName);

TYPED_TEST(MediaContract, ImagesRoundTripEveryField) {
  auto ann = this->AddUser("ann@example.org");
  auto stored = this->AddMedia("3f2a", ann.id);
  EXPECT_GT(stored.id, 0);
  for (auto found : {this->b.media.FindById(stored.id), this->b.media.FindByHash("3f2a")}) {
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, stored.id);
    EXPECT_EQ(found->hash, "3f2a");
    EXPECT_EQ(found->mime, "image/jpeg");
    EXPECT_EQ(found->width, 1600);
    EXPECT_EQ(found->height, 900);
    EXPECT_EQ(found->bytes, 123456);
    ASSERT_EQ(found->variants.size(), 2u);
    EXPECT_EQ(found->variants[1].width, 480);
    EXPECT_EQ(found->variants[1].file, "3f2a-480.webp");
    EXPECT_EQ(found->variants[1].mime, "image/webp");
    EXPECT_EQ(found->alt, "A harbour at dawn");
    EXPECT_EQ(found->uploaded_by, ann.id);
    EXPECT_EQ(found->created_at, 3000);
  }
  EXPECT_EQ(CodeOf(this->b.media.FindById(999)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(this->b.media.FindByHash("nope")), ErrorCode::kNotFound);
}

TYPED_TEST(MediaContract, CropsRoundTripAndCanBeAddedLater) {
  media::MediaItem m;
  m.hash = "c0";
  m.mime = "image/png";
  m.crops = {{"16x9", 1200, 675, "c0-16x9-1200.png", "image/png"}};
  auto stored = this->b.media.Insert(m);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->crops.size(), 1u);
  EXPECT_EQ(stored->crops[0].file, "c0-16x9-1200.png");
  auto plain = this->AddMedia("c1");
  EXPECT_TRUE(plain.crops.empty());
  const std::vector<media::Crop> crops = {{"16x9", 800, 450, "c1-16x9-800.jpg", "image/jpeg"},
                                          {"1x1", 600, 600, "c1-1x1-600.jpg", "image/jpeg"}};
  ASSERT_TRUE(this->b.media.SetCrops(plain.id, crops));
  auto found = this->b.media.FindById(plain.id);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->crops.size(), 2u);
  EXPECT_EQ(found->crops[1].ratio, "1x1");
  EXPECT_EQ(found->crops[1].width, 600);
  EXPECT_EQ(found->crops[1].height, 600);
  EXPECT_EQ(found->crops[1].mime, "image/jpeg");
  EXPECT_EQ(found->variants.size(), 2u) << "the sizes are kept";
  EXPECT_EQ(CodeOf(this->b.media.SetCrops(999, crops)), ErrorCode::kNotFound);
}

TYPED_TEST(MediaContract, ASecondUploadOfTheSameImageReturnsTheFirst) {
  auto first = this->AddMedia("same");
  media::MediaItem again;
  again.hash = "same";
  again.mime = "image/png";
  again.alt = "Other words";
  auto second = this->b.media.Insert(again);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first.id);
  EXPECT_EQ(second->mime, "image/jpeg");
  EXPECT_EQ(second->uploaded_by, 0);
  EXPECT_EQ(this->b.media.List()->size(), 1u);
}

TYPED_TEST(MediaContract, TheLibraryIsNewestFirstAndUploadersMustExist) {
  auto a = this->AddMedia("a");
  auto b = this->AddMedia("b");
  auto list = this->b.media.List();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, b.id);
  EXPECT_EQ((*list)[1].id, a.id);
  media::MediaItem orphan;
  orphan.hash = "c";
  orphan.uploaded_by = 999;
  EXPECT_EQ(CodeOf(this->b.media.Insert(orphan)), ErrorCode::kConflict);
}

}  // namespace
}  // namespace gazette::storage::contract
