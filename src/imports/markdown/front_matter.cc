// Front matter parsing. Each parser's exceptions are caught here and turned into an error that
// names the line in the file, so that one broken file is reported and the import goes on.
#include "imports/markdown/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <toml++/toml.h>

#include "common/text.h"

namespace gazette::imports::markdown {
namespace {

using nlohmann::json;

Error AtLine(int line, const std::string& message) {
  return Error::Invalid("line " + std::to_string(line) + ": " + message);
}

// Counts values as they are converted, so that an expanding tree stops early.
struct Budget {
  std::size_t values = 0;
  bool Spend(int depth) { return ++values <= kMaxFrontMatterValues && depth <= kMaxFrontMatterDepth; }
};

bool FromYaml(const YAML::Node& node, int depth, Budget& budget, json& out) {
  if (!budget.Spend(depth)) return false;
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      out = json::array();
      for (const auto& item : node) {
        json value;
        if (!FromYaml(item, depth + 1, budget, value)) return false;
        out.push_back(std::move(value));
      }
      return true;
    case YAML::NodeType::Map:
      out = json::object();
      for (const auto& kv : node) {
        json value;
        if (!FromYaml(kv.second, depth + 1, budget, value)) return false;
        out[kv.first.Scalar()] = std::move(value);
      }
      return true;
    case YAML::NodeType::Scalar:
      out = node.Scalar();
      return true;
    default:
      out = nullptr;
      return true;
  }
}

std::string TomlDate(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int{d.year}, int{d.month}, int{d.day});
  return buf;
}

std::string TomlDateTime(const toml::date_time& dt) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", TomlDate(dt.date).c_str(), int{dt.time.hour}, int{dt.time.minute},
                int{dt.time.second});
  std::string s = buf;
  if (dt.offset) {
    const int minutes = dt.offset->minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
    s += buf;
  }
  return s;
}

bool FromToml(const toml::node& node, int depth, Budget& budget, json& out) {
  if (!budget.Spend(depth)) return false;
  if (const auto* table = node.as_table()) {
    out = json::object();
    for (const auto& [key, value] : *table)
      if (!FromToml(value, depth + 1, budget, out[std::string(key.str())])) return false;
  } else if (const auto* array = node.as_array()) {
    out = json::array();
    for (const auto& value : *array) {
      json item;
      if (!FromToml(value, depth + 1, budget, item)) return false;
      out.push_back(std::move(item));
    }
  } else if (const auto* s = node.as_string()) {
    out = s->get();
  } else if (const auto* i = node.as_integer()) {
    out = i->get();
  } else if (const auto* f = node.as_floating_point()) {
    out = f->get();
  } else if (const auto* b = node.as_boolean()) {
    out = b->get();
  } else if (const auto* d = node.as_date()) {
    out = TomlDate(d->get());
  } else if (const auto* dt = node.as_date_time()) {
    out = TomlDateTime(dt->get());
  } else {
    out = nullptr;  // a bare time of day says nothing an article keeps
  }
  return true;
}

Result<json> ParseYaml(const std::string& text, int first_line) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (root.IsNull()) return json::object();
    if (!root.IsMap()) return AtLine(first_line, "the YAML front matter is not a list of fields");
    Budget budget;
    json out;
    if (!FromYaml(root, 0, budget, out)) return AtLine(first_line, "the YAML front matter is too large or too deep");
    return out;
  } catch (const YAML::Exception& e) {
    // A construct left open is noticed at the end of the text: name the last line inside it.
    const int last_line = first_line + static_cast<int>(std::count(text.begin(), text.end(), '\n')) - 1;
    return AtLine(std::min(first_line + std::max(e.mark.line, 0), std::max(last_line, first_line)),
                  "malformed YAML: " + e.msg);
  }
}

Result<json> ParseToml(const std::string& text, int first_line) {
  try {
    const toml::table root = toml::parse(text);
    Budget budget;
    json out;
    if (!FromToml(root, 0, budget, out)) return AtLine(first_line, "the TOML front matter is too large or too deep");
    return out;
  } catch (const toml::parse_error& e) {
    const int line = static_cast<int>(e.source().begin.line);
    return AtLine(first_line + (line > 0 ? line - 1 : 0), "malformed TOML: " + std::string(e.description()));
  }
}

// The length of the JSON object that opens `text` (braces counted outside strings), or npos when
// it does not close within the size limit or nests too deep for the parser's recursion.
std::size_t JsonObjectLength(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size() && i < kMaxFrontMatterBytes; ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxFrontMatterDepth) return std::string_view::npos;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

int LineAt(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

Result<Document> SplitJson(const std::string& text) {
  const std::size_t length = JsonObjectLength(text);
  if (length == std::string::npos)
    return AtLine(1, "the JSON front matter is not closed, larger than 64 KiB or nested too deep");
  Document doc;
  doc.format = FrontMatterFormat::kJson;
  try {
    doc.fields = json::parse(text.substr(0, length));
  } catch (const json::parse_error& e) {
    return AtLine(LineAt(text, e.byte > 0 ? e.byte - 1 : 0), "malformed JSON: " + std::string(e.what()));
  }
  std::size_t rest = length;
  while (rest < text.size() && text[rest] != '\n') ++rest;  // the rest of the closing line
  if (rest < text.size()) ++rest;
  doc.body_line = LineAt(text, rest);
  doc.body = text.substr(rest);
  return doc;
}

// Finds the closing `fence` line of front matter that starts after the first line. Returns the
// offsets of the front matter's end and of the body's start.
std::optional<std::pair<std::size_t, std::size_t>> FindClosingFence(std::string_view text, std::size_t from,
                                                                     std::string_view fence) {
  std::size_t pos = from;
  while (pos <= text.size() && pos <= kMaxFrontMatterBytes + from) {
    std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view line = text::Trim(text.substr(pos, end - pos));
    if (line == fence || (fence == "---" && line == "...")) return std::pair{pos, nl == std::string_view::npos ? end : nl + 1};
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return std::nullopt;
}

}  // namespace

Result<Document> ParseDocument(std::string_view bytes) {
  if (auto bad = text::FindInvalidUtf8(bytes))
    return AtLine(LineAt(bytes, *bad), "invalid UTF-8 at byte " + std::to_string(*bad));
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (!(bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')) text += bytes[i];

  const std::string_view first = text::Trim(std::string_view(text).substr(0, text.find('\n')));
  if (first.starts_with("{")) return SplitJson(text);
  const bool yaml = first == "---", toml = first == "+++";
  Document doc;
  if (!yaml && !toml) {
    doc.body = std::move(text);
    return doc;
  }
  const std::size_t start = text.find('\n') == std::string::npos ? text.size() : text.find('\n') + 1;
  const auto close = FindClosingFence(text, start, yaml ? "---" : "+++");
  if (!close) return AtLine(1, std::string("the front matter has no closing ") + (yaml ? "---" : "+++") +
                                   " line within 64 KiB");
  if (close->first - start > kMaxFrontMatterBytes) return AtLine(2, "the front matter is larger than 64 KiB");
  const std::string block = text.substr(start, close->first - start);
  auto fields = yaml ? ParseYaml(block, 2) : ParseToml(block, 2);
  if (!fields) return fields.error();
  if (!fields->is_object()) return AtLine(2, "the front matter is not a list of fields");
  doc.format = yaml ? FrontMatterFormat::kYaml : FrontMatterFormat::kToml;
  doc.fields = std::move(*fields);
  doc.body_line = LineAt(text, close->second);
  doc.body = text.substr(close->second);
  return doc;
}

}  // namespace gazette::imports::markdown
