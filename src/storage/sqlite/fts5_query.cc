// FTS5 expressions built from quoted strings only: inside "...", FTS5 reads everything as text to
// tokenize, and a quote is written twice.
#include "storage/sqlite/fts5_query.h"

namespace gazette::storage::sqlite {

namespace {

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string ToFts5(const std::vector<search::QueryTerm>& terms, search::Match match) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += match == search::Match::kAll ? " " : " OR ";
    out += Quote(t.text);
    if (t.prefix) out += '*';
  }
  return out;
}

std::string InTitleOnly(const std::string& expression) { return "{title} : (" + expression + ")"; }

}  // namespace gazette::storage::sqlite
