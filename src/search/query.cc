// Query parsing. The engine never sees the reader's text as syntax: each term is handed over as
// plain words, and the storage adapter quotes them.
#include "search/query.h"

#include "common/text.h"

namespace gazette::search {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True when the term has something a tokenizer keeps: an ASCII letter or digit, or any non-ASCII
// character (letters of other scripts). Terms of ASCII punctuation alone would match nothing.
bool HasWordCharacter(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return true;
  return false;
}

bool IsWordByte(unsigned char c);

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The engine applies a prefix to the last word of a term ("co-w*" is "co" then "w*"); a prefix
// of one character would match most of the vocabulary, so it needs kMinPrefixChars.
bool LongEnoughForPrefix(std::string_view term) {
  std::size_t end = term.size();
  while (end > 0 && !IsWordByte(static_cast<unsigned char>(term[end - 1]))) --end;
  std::size_t start = end;
  while (start > 0 && IsWordByte(static_cast<unsigned char>(term[start - 1]))) --start;
  return end == term.size() && text::CountCodePoints(term.substr(start, end - start)) >= kMinPrefixChars;
}

// Cuts at most `max` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// Control characters (including NUL) become spaces; quotes are kept for the parser.
std::string Clean(std::string_view raw) {
  std::string s = text::SanitizeUtf8(raw);
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return s;
}

// Adds a bare (unquoted) word, recognising a trailing '*' as a prefix marker.
void AddWord(std::string_view word, std::vector<QueryTerm>& out) {
  bool prefix = false;
  while (!word.empty() && word.back() == '*') {
    word.remove_suffix(1);
    prefix = true;
  }
  while (!word.empty() && word.front() == '*') word.remove_prefix(1);
  if (!HasWordCharacter(word)) return;
  if (prefix && !LongEnoughForPrefix(word)) prefix = false;
  out.push_back(QueryTerm{std::string(word), false, prefix});
}

void AddPhrase(std::string_view inside, bool prefix, std::vector<QueryTerm>& out) {
  const std::string words = text::CollapseWhitespace(inside);
  if (!HasWordCharacter(words)) return;
  if (words.find(' ') == std::string::npos) {
    AddWord(prefix ? words + "*" : words, out);
    return;
  }
  out.push_back(QueryTerm{words, true, prefix && LongEnoughForPrefix(words)});
}

void SplitWords(std::string_view s, std::vector<QueryTerm>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) AddWord(s.substr(i, j - i), out);
    i = j;
  }
}

}  // namespace

ParsedQuery ParseQuery(std::string_view raw) {
  ParsedQuery q;
  q.shortened = raw.size() > kMaxQueryBytes;
  const std::string clean = Clean(CutUtf8(raw, kMaxQueryBytes));
  q.input = text::CollapseWhitespace(clean);
  std::string_view rest = clean;
  while (!rest.empty()) {
    const std::size_t open = rest.find('"');
    const std::size_t close = open == std::string_view::npos ? open : rest.find('"', open + 1);
    if (close == std::string_view::npos) {
      // No (complete) phrase left: an unmatched quote is read as a space.
      std::string words(rest);
      for (char& c : words)
        if (c == '"') c = ' ';
      SplitWords(words, q.terms);
      break;
    }
    SplitWords(rest.substr(0, open), q.terms);
    const bool prefix = close + 1 < rest.size() && rest[close + 1] == '*';
    AddPhrase(rest.substr(open + 1, close - open - 1), prefix, q.terms);
    rest.remove_prefix(close + 1 + (prefix ? 1 : 0));
  }
  if (q.terms.size() > kMaxTerms) {
    q.terms.resize(kMaxTerms);
    q.shortened = true;
  }
  for (const auto& t : q.terms) {
    if (!q.text.empty()) q.text += ' ';
    q.text += t.phrase ? "\"" + t.text + "\"" : t.text;
    if (t.prefix) q.text += '*';
  }
  return q;
}

}  // namespace gazette::search
