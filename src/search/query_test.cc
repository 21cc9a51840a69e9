#include "search/query.h"

#include <gtest/gtest.h>

namespace gazette::search {
namespace {

QueryTerm Word(std::string w, bool prefix = false) { return {std::move(w), false, prefix}; }
QueryTerm Phrase(std::string w, bool prefix = false) { return {std::move(w), true, prefix}; }

TEST(QueryTest, SplitsWordsPhrasesAndPrefixes) {
  auto q = ParseQuery("  interest \"bank of england\" econ*  ");
  EXPECT_EQ(q.terms, (std::vector<QueryTerm>{Word("interest"), Phrase("bank of england"), Word("econ", true)}));
  EXPECT_EQ(q.text, "interest \"bank of england\" econ*");
  EXPECT_FALSE(q.shortened);
}

TEST(QueryTest, PhrasePrefixAndOneWordPhrase) {
  EXPECT_EQ(ParseQuery("\"mobile pho\"*").terms, (std::vector<QueryTerm>{Phrase("mobile pho", true)}));
  EXPECT_EQ(ParseQuery("\"  blair \"").terms, (std::vector<QueryTerm>{Word("blair")}));
}

TEST(QueryTest, UnbalancedQuoteIsReadAsASpace) {
  EXPECT_EQ(ParseQuery("\"tax plans").terms, (std::vector<QueryTerm>{Word("tax"), Word("plans")}));
  EXPECT_EQ(ParseQuery("a\"b\" \"c").terms, (std::vector<QueryTerm>{Word("a"), Word("b"), Word("c")}));
}

TEST(QueryTest, SyntaxCharactersAreJustText) {
  // FTS5 operators, column filters and parentheses stay words; punctuation alone is dropped.
  auto q = ParseQuery("title: NEAR(a b) OR -x ^y ( ) * ** \"\" : +");
  EXPECT_EQ(q.terms,
            (std::vector<QueryTerm>{Word("title:"), Word("NEAR(a"), Word("b)"), Word("OR"), Word("-x"), Word("^y")}));
}

TEST(QueryTest, ShortPrefixIsAWord) {
  EXPECT_EQ(ParseQuery("a* ab*").terms, (std::vector<QueryTerm>{Word("a"), Word("ab", true)}));
  // The engine applies the prefix to the last word: "co-w*" would be "co" then any word in w.
  EXPECT_EQ(ParseQuery("co-w* co-wo* x.*").terms,
            (std::vector<QueryTerm>{Word("co-w"), Word("co-wo", true), Word("x.")}));
  EXPECT_EQ(ParseQuery("\"mobile p\"*").terms, (std::vector<QueryTerm>{Phrase("mobile p")}));
}

TEST(QueryTest, EmptyAndBlankQueries) {
  EXPECT_TRUE(ParseQuery("").empty());
  EXPECT_TRUE(ParseQuery("   \t\n").empty());
  EXPECT_TRUE(ParseQuery("\"\" !!! ... ***").empty());
}

TEST(QueryTest, InvalidUtf8AndControlCharactersAreSafe) {
  auto q = ParseQuery(std::string("caf\xC3\xA9 \xFF\xFE ok\0x", 13));
  ASSERT_EQ(q.terms.size(), 4u);
  EXPECT_EQ(q.terms[0].text, "caf\xC3\xA9");
  EXPECT_EQ(q.terms[1].text, "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFD twice: harmless to the engine
  EXPECT_EQ(q.terms[2].text, "ok");
  EXPECT_EQ(q.terms[3].text, "x");
}

TEST(QueryTest, LongQueriesAreShortened) {
  std::string huge;
  for (int i = 0; i < 2000; ++i) huge += "word" + std::to_string(i) + " ";
  auto q = ParseQuery(huge);
  EXPECT_TRUE(q.shortened);
  EXPECT_EQ(q.terms.size(), kMaxTerms);
  EXPECT_LE(q.input.size(), kMaxQueryBytes);
  // Cutting never splits a UTF-8 sequence.
  std::string accents(10000, 'x');
  for (std::size_t i = 0; i < accents.size(); i += 2) accents.replace(i, 2, "\xC3\xA9");
  EXPECT_TRUE(ParseQuery(accents).terms.at(0).text.size() % 2 == 0);
}

}  // namespace
}  // namespace gazette::search
