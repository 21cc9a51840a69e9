#include "comments/comment_validation.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

CommentForm Valid() {
  return CommentForm{1, std::nullopt, "Good piece.", "Ada", "ada@example.org", "https://example.org"};
}

std::vector<std::string> Fields(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(CommentValidationTest, AcceptsAValidForm) { EXPECT_TRUE(ValidateCommentForm(Valid()).empty()); }

TEST(CommentValidationTest, EveryFieldIsRequired) {
  CommentForm f{1, std::nullopt, "  ", "", "", ""};
  EXPECT_EQ(Fields(ValidateCommentForm(f)), (std::vector<std::string>{"comment", "name", "email", "website"}));
}

TEST(CommentValidationTest, ChecksEmailAndWebsiteSyntax) {
  auto f = Valid();
  f.email = "not an email";
  f.website = "javascript:alert(1)";
  EXPECT_EQ(Fields(ValidateCommentForm(f)), (std::vector<std::string>{"email", "website"}));
  EXPECT_TRUE(LooksLikeEmail("first.last+tag@sub.example.co.uk"));
  EXPECT_FALSE(LooksLikeEmail("a@b"));
  EXPECT_FALSE(LooksLikeEmail("a..b@example.org"));
  EXPECT_FALSE(LooksLikeEmail("a b@example.org"));
  EXPECT_TRUE(IsWebUrl("http://localhost:8080/x"));
  EXPECT_TRUE(IsWebUrl("HTTPS://Example.org"));
  EXPECT_FALSE(IsWebUrl("ftp://example.org"));
  EXPECT_FALSE(IsWebUrl("https://"));
  EXPECT_FALSE(IsWebUrl("https://exa mple.org"));
  EXPECT_FALSE(IsWebUrl("https://example.org/\"onmouseover=x"));
}

TEST(CommentValidationTest, LimitsLengthsInCharactersNotBytes) {
  auto f = Valid();
  f.name = std::string(100, 'a');
  EXPECT_TRUE(ValidateCommentForm(f).empty());
  f.name = std::string(101, 'a');
  EXPECT_EQ(Fields(ValidateCommentForm(f)), std::vector<std::string>{"name"});
  f = Valid();
  std::string pounds;
  for (int i = 0; i < 10000; ++i) pounds += "\xC2\xA3";
  f.comment = pounds;  // 10,000 characters, 20,000 bytes
  EXPECT_TRUE(ValidateCommentForm(f).empty());
  f.comment += "x";
  EXPECT_EQ(Fields(ValidateCommentForm(f)), std::vector<std::string>{"comment"});
}

TEST(CommentValidationTest, RejectsInvalidUtf8) {
  auto f = Valid();
  f.comment = "caf\xE9";
  f.name = "\xFF";
  EXPECT_EQ(Fields(ValidateCommentForm(f)), (std::vector<std::string>{"comment", "name"}));
}

}  // namespace
}  // namespace gazette::comments
