// Analyzer: tokenising is byte-level UTF-8 so that words of any script survive; punctuation from
// the General Punctuation and Latin-1 blocks (dashes, curly quotes, pound signs) separates words.
#include "related/analyzer.h"

#include <libstemmer.h>

#include <memory>
#include <stdexcept>
#include <unordered_set>

namespace gazette::related {
namespace {

// The Snowball English stop list, plus words that every news story uses ("said", "told", "mr").
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words = {
      "a",       "about",   "above",  "after",  "again",    "against",   "all",     "also",       "am",
      "an",      "and",     "any",    "are",    "aren",     "as",        "at",      "be",         "because",
      "been",    "before",  "being",  "below",  "between",  "both",      "but",     "by",         "can",
      "cannot",  "could",   "couldn", "did",    "didn",     "do",        "does",    "doesn",      "doing",
      "don",     "down",    "during", "each",   "even",     "ever",      "few",     "for",        "from",
      "further", "get",     "got",    "had",    "hadn",     "has",       "hasn",    "have",       "haven",
      "having",  "he",      "her",    "here",   "hers",     "herself",   "him",     "himself",    "his",
      "how",     "however", "if",     "in",     "into",     "is",        "isn",     "it",         "its",
      "itself",  "just",    "let",    "ll",     "made",     "make",      "many",    "may",        "me",
      "might",   "more",    "most",   "mr",     "mrs",      "ms",        "much",    "must",       "mustn",
      "my",      "myself",  "no",     "nor",    "not",      "now",       "of",      "off",        "on",
      "once",    "one",     "only",   "or",     "other",    "ought",     "our",     "ours",       "ourselves",
      "out",     "over",    "own",    "per",    "re",       "said",      "same",    "say",        "says",
      "shall",   "shan",    "she",    "should", "shouldn",  "since",     "so",      "some",       "still",
      "such",    "than",    "that",   "the",    "their",    "theirs",    "them",    "themselves", "then",
      "there",   "these",   "they",   "this",   "those",    "though",    "through", "to",         "told",
      "too",     "under",   "until",  "up",     "upon",     "us",        "ve",      "very",       "was",
      "wasn",    "we",      "were",   "weren",  "what",     "when",      "where",   "whether",    "which",
      "while",   "who",     "whom",   "why",    "will",     "with",      "won",     "would",      "wouldn",
      "yet",     "you",     "your",   "yours",  "yourself", "yourselves"};
  return words;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// One stemmer per thread: a Snowball stemmer keeps state between calls.
sb_stemmer* ThreadStemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) throw std::runtime_error("the Snowball English stemmer is not available");
  return stemmer.get();
}

// Length of the separator starting at s[i] (0 if s[i] starts a word character).
std::size_t SeparatorLength(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ? 0 : 1;
  const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  if (b == 0xC2 && next >= 0x80 && next <= 0xBF) return 2;    // U+0080-U+00BF: NBSP, £, «, », ...
  if (b == 0xC3 && (next == 0x97 || next == 0xB7)) return 2;  // × ÷
  if (b == 0xE2 && (next == 0x80 || next == 0x81) && i + 2 < s.size()) return 3;  // U+2000-U+207F
  if (b == 0xE3 && next == 0x80 && i + 2 < s.size()) return 3;                    // CJK punctuation
  if (b == 0xEF && next == 0xBF && i + 2 < s.size()) return 3;                    // U+FFC0-U+FFFF, including U+FFFD
  return 0;
}

void Lowercase(std::string& word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b >= 'A' && b <= 'Z') {
      word[i] = static_cast<char>(b - 'A' + 'a');
    } else if (b == 0xC3 && i + 1 < word.size()) {
      const auto c = static_cast<unsigned char>(word[i + 1]);
      if (c >= 0x80 && c <= 0x9E && c != 0x97) word[i + 1] = static_cast<char>(c + 0x20);  // À-Þ -> à-þ
      ++i;
    }
  }
}

}  // namespace

bool IsStopWord(std::string_view word) { return StopWords().contains(word); }

std::string Stem(std::string_view word) {
  sb_stemmer* stemmer = ThreadStemmer();
  const sb_symbol* out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 2 && !(word[0] >= '0' && word[0] <= '9')) {
      Lowercase(word);
      if (!IsStopWord(word)) out.push_back(Stem(word));
    }
    word.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t sep = SeparatorLength(text, i)) {
      flush();
      i += sep;
    } else {
      word += text[i++];
    }
  }
  flush();
  return out;
}

}  // namespace gazette::related
