// SearchService: the reader's words are parsed here and only ever reach the index as terms.
// Every word must match; when no article has them all, the search falls back to any of them,
// and says so.
#include "search/search_service.h"

#include <algorithm>

#include "common/numbers.h"
#include "common/text.h"

namespace gazette::search {
namespace {

constexpr UnixTime kDay = 86400;

// Words nearly every article has: as required words they only slow the engine down (it must read
// their long posting lists) and BM25 gives them no weight. Dropped from a query's loose words
// when another word remains; phrases keep them.
bool IsStopWord(std::string_view w) {
  static const char* const kWords[] = {"a",   "an",   "and",  "are",   "as",   "at",    "be",   "but",   "by",
                                       "for", "from", "had",  "has",   "have", "he",    "her",  "his",   "i",
                                       "in",  "is",   "it",   "its",   "not",  "of",    "on",   "or",    "our",
                                       "she", "that", "the",  "their", "them", "there", "they", "this",  "to",
                                       "was", "we",   "were", "which", "who",  "will",  "with", "would", "you"};
  const std::string lower = text::AsciiLower(w);
  for (const char* s : kWords)
    if (lower == s) return true;
  return false;
}

std::vector<QueryTerm> WithoutStopWords(const std::vector<QueryTerm>& terms) {
  std::vector<QueryTerm> kept;
  for (const auto& t : terms)
    if (t.phrase || t.prefix || !IsStopWord(t.text)) kept.push_back(t);
  return kept.empty() ? terms : kept;
}

int ParsePage(std::string_view s) {
  const int n = ParseInteger<int>(s).value_or(1);
  return n < 1 ? 1 : std::min(n, SearchService::kMaxPage);
}

// A "YYYY-MM-DD" date, or nullopt with a note for the reader when it is not one.
std::optional<UnixTime> ParseDay(const std::string& raw, const char* which, std::vector<std::string>& notes) {
  const std::string s(text::Trim(raw));
  if (s.empty()) return std::nullopt;
  auto t = s.size() == 10 && text::IsValidUtf8(s) ? ParseIso8601(s) : std::nullopt;
  if (!t) notes.push_back(std::string("The ") + which + " date was ignored: write it as YYYY-MM-DD.");
  return t;
}

}  // namespace

Result<SearchPage> SearchService::Search(const SearchRequest& request, int page_size) const {
  SearchPage page;
  page.page_size = std::max(1, page_size);
  page.page = ParsePage(request.page);
  page.query = ParseQuery(request.q);
  if (page.query.shortened)
    page.notes.push_back("Your search was long, so only its first " + std::to_string(page.query.terms.size()) +
                         " words were used.");
  SearchQuery q;
  q.terms = WithoutStopWords(page.query.terms);
  if (!request.tag.empty()) {
    page.tag_slug = text::Slugify(text::SanitizeUtf8(request.tag));
    if (!page.tag_slug.empty()) q.tag_slug = page.tag_slug;
  }
  if (!request.author.empty()) {
    page.author_slug = text::Slugify(text::SanitizeUtf8(request.author));
    if (!page.author_slug.empty()) q.author_slug = page.author_slug;
  }
  auto from = ParseDay(request.from, "from", page.notes);
  auto to = ParseDay(request.to, "to", page.notes);
  if (from && to && *from > *to) std::swap(from, to);
  if (from) {
    q.from = *from;
    page.from = FormatIso8601(*from).substr(0, 10);
  }
  if (to) {
    q.until = *to + kDay;  // "to" includes the whole day
    page.to = FormatIso8601(*to).substr(0, 10);
  }
  if (page.query.empty()) return page;

  page.searched = true;
  q.offset = (page.page - 1) * page.page_size;
  q.limit = page.page_size;
  auto results = index_.Search(q);
  if (results && results->total == 0 && q.terms.size() > 1) {
    // No article has every word: rank those with any of them.
    q.match = Match::kAny;
    results = index_.Search(q);
    page.matched_any = results && results->total > 0;
  }
  if (!results && results.error().code == ErrorCode::kInvalidArgument) {
    page.notes.push_back("Your search could not be understood; try other words.");
    return page;
  }
  if (!results) return results.error();
  page.hits = std::move(results->hits);
  page.total = results->total;
  page.ranked = results->ranked;
  page.total_pages = (page.ranked + page.page_size - 1) / page.page_size;
  if (page.ranked < page.total)
    page.notes.push_back("Showing the " + std::to_string(page.ranked) + " best matches of " +
                         std::to_string(page.total) + ": add words to narrow the search.");
  return page;
}

}  // namespace gazette::search
