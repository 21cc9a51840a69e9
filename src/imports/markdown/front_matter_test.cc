#include "imports/markdown/front_matter.h"

#include <gtest/gtest.h>

namespace gazette::imports::markdown {
namespace {

TEST(FrontMatterTest, ReadsYamlBetweenDashes) {
  auto doc = ParseDocument("---\ntitle: \"Harbour wall repaired\"\ntags: [harbour, council]\ndraft: true\n---\nBody.\n");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->format, FrontMatterFormat::kYaml);
  EXPECT_EQ(doc->fields["title"], "Harbour wall repaired");
  EXPECT_EQ(doc->fields["tags"][1], "council");
  EXPECT_EQ(doc->fields["draft"], "true");  // YAML scalars stay text; fields are read later
  EXPECT_EQ(doc->body, "Body.\n");
  EXPECT_EQ(doc->body_line, 6);
}

TEST(FrontMatterTest, ReadsTomlBetweenPluses) {
  auto doc = ParseDocument(
      "+++\ntitle = 'Ferry timetable'\ndate = 2021-03-04T05:06:07+01:00\nday = 2021-03-04\ndraft = false\n"
      "weight = 3\n+++\nText");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->format, FrontMatterFormat::kToml);
  EXPECT_EQ(doc->fields["title"], "Ferry timetable");
  EXPECT_EQ(doc->fields["date"], "2021-03-04T05:06:07+01:00");
  EXPECT_EQ(doc->fields["day"], "2021-03-04");
  EXPECT_EQ(doc->fields["draft"], false);
  EXPECT_EQ(doc->fields["weight"], 3);
  EXPECT_EQ(doc->body, "Text");
}

TEST(FrontMatterTest, ReadsJsonObjectAtTheTop) {
  auto doc = ParseDocument("{\n  \"title\": \"Brace {yourself}\",\n  \"tags\": [\"a\"]\n}\nThe body.\n");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->format, FrontMatterFormat::kJson);
  EXPECT_EQ(doc->fields["title"], "Brace {yourself}");
  EXPECT_EQ(doc->body, "The body.\n");
  EXPECT_EQ(doc->body_line, 5);
}

TEST(FrontMatterTest, NoFrontMatterKeepsTheWholeText) {
  auto doc = ParseDocument("# Just Markdown\n\n--- not a fence here\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->format, FrontMatterFormat::kNone);
  EXPECT_EQ(doc->body, "# Just Markdown\n\n--- not a fence here\n");
}

TEST(FrontMatterTest, CrLfAndByteOrderMarkAreAccepted) {
  auto doc = ParseDocument("\xEF\xBB\xBF---\r\ntitle: Windows\r\n---\r\nLine\r\n");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->fields["title"], "Windows");
  EXPECT_EQ(doc->body, "Line\n");
}

bool MessageStartsWith(const Result<Document>& doc, const std::string& prefix) {
  return !doc && doc.error().code == ErrorCode::kInvalidArgument && doc.error().message.starts_with(prefix);
}

TEST(FrontMatterTest, MalformedYamlNamesTheLineOfTheFile) {
  auto doc = ParseDocument("---\na: 1\nb: 2\n- c\nd: 4\n---\n");
  EXPECT_TRUE(MessageStartsWith(doc, "line 4: malformed YAML")) << (doc ? "" : doc.error().message);
  // Left open: noticed at the end, reported at the last line inside the front matter.
  auto open = ParseDocument("---\ntitle: ok\ntags: [unclosed\n---\nBody\n");
  EXPECT_TRUE(MessageStartsWith(open, "line 3: malformed YAML")) << (open ? "" : open.error().message);
}

TEST(FrontMatterTest, MalformedTomlNamesTheLineOfTheFile) {
  auto doc = ParseDocument("+++\ntitle = 'fine'\ndate = = 3\n+++\n");
  EXPECT_TRUE(MessageStartsWith(doc, "line 3: malformed TOML")) << (doc ? "" : doc.error().message);
}

TEST(FrontMatterTest, MalformedJsonNamesTheLineOfTheFile) {
  auto doc = ParseDocument("{\n\"title\": \"x\",\n\"tags\": [1,,2]\n}\n");
  EXPECT_TRUE(MessageStartsWith(doc, "line 3: malformed JSON")) << (doc ? "" : doc.error().message);
}

TEST(FrontMatterTest, UnclosedFrontMatterIsRefused) {
  EXPECT_TRUE(MessageStartsWith(ParseDocument("---\ntitle: never closed\n"), "line 1:"));
  EXPECT_TRUE(MessageStartsWith(ParseDocument("+++\ntitle = 'x'\n"), "line 1:"));
  EXPECT_TRUE(MessageStartsWith(ParseDocument("{\"title\": \"x\"\n"), "line 1:"));
}

TEST(FrontMatterTest, NonObjectFrontMatterIsRefused) {
  EXPECT_FALSE(ParseDocument("---\n- a\n- b\n---\n"));
  EXPECT_FALSE(ParseDocument("---\njust words\n---\n"));
}

TEST(FrontMatterTest, InvalidUtf8IsRefusedWithItsLine) {
  EXPECT_TRUE(MessageStartsWith(ParseDocument("---\ntitle: ok\nauthor: \xff\n---\n"), "line 3: invalid UTF-8"));
}

TEST(FrontMatterTest, HugeFrontMatterIsRefusedUnparsed) {
  std::string big = "---\n";
  for (int i = 0; i < 10000; ++i) big += "k" + std::to_string(i) + ": value\n";
  big += "---\n";
  ASSERT_GT(big.size(), kMaxFrontMatterBytes);
  EXPECT_TRUE(MessageStartsWith(ParseDocument(big), "line "));
}

TEST(FrontMatterTest, YamlAliasBombIsRefused) {
  // Each level doubles the tree through aliases: 2^20 values from a few hundred bytes.
  std::string yaml = "---\na0: &a0 [x, x]\n";
  for (int i = 1; i <= 20; ++i)
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + "]\n";
  yaml += "---\n";
  auto doc = ParseDocument(yaml);
  ASSERT_FALSE(doc);
  EXPECT_NE(doc.error().message.find("too large or too deep"), std::string::npos) << doc.error().message;
}

TEST(FrontMatterTest, DeepNestingIsRefusedInEveryFormat) {
  const std::string deep_flow = std::string(5000, '[') + std::string(5000, ']');
  EXPECT_FALSE(ParseDocument("---\nx: " + deep_flow + "\n---\n"));
  EXPECT_FALSE(ParseDocument("+++\nx = " + deep_flow + "\n+++\n"));
  EXPECT_FALSE(ParseDocument("{\"x\": " + deep_flow + "}\n"));
  const std::string shallow = std::string(10, '[') + std::string(10, ']');
  EXPECT_TRUE(ParseDocument("---\nx: " + shallow + "\n---\n"));
}

}  // namespace
}  // namespace gazette::imports::markdown
