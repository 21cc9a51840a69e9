// Front matter: the block of metadata at the top of a Hugo or Jekyll content file, in YAML
// (between --- lines), TOML (between +++ lines) or JSON (an object opening the file).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace gazette::imports::markdown {

enum class FrontMatterFormat { kNone, kYaml, kToml, kJson };

// A content file split in two. The three formats are read into one shape, a JSON object (TOML
// dates become RFC 3339 strings, YAML scalars stay strings), so that fields are read once.
struct Document {
  FrontMatterFormat format = FrontMatterFormat::kNone;
  nlohmann::json fields = nlohmann::json::object();
  std::string body;   // the Markdown after the front matter
  int body_line = 1;  // the line of the file the body starts on (1-based)
};

// Front matter past this is refused rather than parsed: real front matter is a few hundred bytes,
// and the parsers' cost grows with what an attacker can nest or alias in it.
inline constexpr std::size_t kMaxFrontMatterBytes = 64 * 1024;
// Values (scalars, lists, tables) past this in one front matter are refused: YAML aliases can
// make a small text expand into a huge tree.
inline constexpr std::size_t kMaxFrontMatterValues = 10000;
inline constexpr int kMaxFrontMatterDepth = 32;

// Splits `bytes` (one file, a byte-order mark allowed, \r\n or \n) and parses its front matter.
// A file without front matter has format kNone and its whole text as body. kInvalidArgument,
// with a message that starts "line N: " (the line of the file) when the front matter is
// malformed, unterminated, too large, not an object, or not valid UTF-8.
Result<Document> ParseDocument(std::string_view bytes);

}  // namespace gazette::imports::markdown
