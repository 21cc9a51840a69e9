// Block markup: <!-- wp:name {json} --> ... <!-- /wp:name -->, nested, and <!-- wp:name /-->.
// Most blocks carry their meaning in the HTML between their comments, so that HTML is kept and
// the comments removed; only the blocks whose meaning is in the comment are rewritten here.
#include <nlohmann/json.hpp>

#include <memory>
#include <set>
#include <vector>

#include "common/text.h"
#include "imports/wordpress/conversion.h"

namespace gazette::imports::wordpress {
namespace {

constexpr std::string_view kOpen = "<!--";
constexpr std::size_t kMaxDepth = 64;  // deeper nesting is kept flat rather than recursed into

// A block comment as written: <!-- wp:core/name {"a":1} /--> or <!-- /wp:name -->.
struct Delimiter {
  bool closer = false;
  bool void_block = false;
  std::string name;  // without the "core/" namespace
  nlohmann::json attrs;
  std::size_t end = 0;  // offset just past "-->"
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '/';
}

// Parses a delimiter at `at` (which starts with "<!--"), or returns nullopt for any other comment.
std::optional<Delimiter> ParseDelimiter(std::string_view s, std::size_t at) {
  const std::size_t close = s.find("-->", at + kOpen.size());
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view body = text::Trim(s.substr(at + kOpen.size(), close - at - kOpen.size()));
  Delimiter d;
  d.end = close + 3;
  if (body.starts_with('/')) {
    d.closer = true;
    body.remove_prefix(1);
  }
  if (!body.starts_with("wp:")) return std::nullopt;
  body.remove_prefix(3);
  std::size_t n = 0;
  while (n < body.size() && IsNameChar(body[n])) ++n;
  if (n == 0) return std::nullopt;
  d.name = std::string(body.substr(0, n));
  if (d.name.starts_with("core/")) d.name.erase(0, 5);
  body = text::Trim(body.substr(n));
  if (body.ends_with('/')) {
    d.void_block = true;
    body = text::Trim(body.substr(0, body.size() - 1));
  }
  if (!body.empty()) {
    d.attrs = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (d.attrs.is_discarded() || !d.attrs.is_object()) d.attrs = nlohmann::json::object();
  }
  return d;
}

struct Block {
  std::string name;  // empty for the document itself
  nlohmann::json attrs;
  bool void_block = false;
  // In document order: HTML between blocks (held in `html`, child == nullptr) and inner blocks.
  struct Piece {
    std::string html;
    std::unique_ptr<Block> child;
  };
  std::vector<Piece> pieces;
};

std::unique_ptr<Block> Parse(std::string_view s) {
  auto root = std::make_unique<Block>();
  std::vector<Block*> stack{root.get()};
  std::size_t pos = 0;
  auto add_html = [&](std::string_view html) {
    if (!html.empty()) stack.back()->pieces.push_back({std::string(html), nullptr});
  };
  while (pos < s.size()) {
    std::size_t at = s.find(kOpen, pos);
    if (at == std::string_view::npos) break;
    if (s.find("-->", at + kOpen.size()) == std::string_view::npos) {
      add_html(s.substr(pos, at - pos));  // a comment never closed hides the rest, as in a browser
      return root;
    }
    std::optional<Delimiter> d = ParseDelimiter(s, at);
    if (!d) {
      add_html(s.substr(pos, at + kOpen.size() - pos));
      pos = at + kOpen.size();
      continue;
    }
    add_html(s.substr(pos, at - pos));
    pos = d->end;
    if (d->closer) {
      // A closer without its opener is ignored; one that closes an outer block closes the inner
      // ones too, as WordPress's parser does.
      for (std::size_t i = stack.size() - 1; i > 0; --i) {
        if (stack[i]->name != d->name) continue;
        stack.resize(i);
        break;
      }
      continue;
    }
    auto block = std::make_unique<Block>();
    block->name = d->name;
    block->attrs = std::move(d->attrs);
    block->void_block = d->void_block;
    Block* raw = block.get();
    stack.back()->pieces.push_back({"", std::move(block)});
    if (!d->void_block && stack.size() < kMaxDepth) stack.push_back(raw);
  }
  add_html(s.substr(std::min(pos, s.size())));
  return root;
}

// Blocks that show the site (its posts, menus, comments, search) rather than this post: there is
// nothing of the post to keep, so they are dropped and counted.
bool IsSiteBlock(const std::string& name) {
  static const std::set<std::string, std::less<>> kNames = {
      "archives",    "avatar",         "calendar",  "categories", "footnotes",     "home-link",
      "latest-comments", "latest-posts", "loginout", "navigation", "navigation-link", "page-list",
      "pattern",     "read-more",      "rss",       "search",     "site-logo",     "site-tagline",
      "site-title",  "social-link",    "spacer",    "tag-cloud",  "template-part", "block"};
  if (kNames.contains(name)) return true;
  return name.starts_with("post-") || name.starts_with("comment") || name.starts_with("query");
}

std::string StringAttr(const nlohmann::json& attrs, const char* key) {
  auto it = attrs.find(key);
  return it != attrs.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Renderer {
 public:
  explicit Renderer(Conversion& conversion) : conversion_(conversion) {}

  std::string Inner(const Block& block) {
    std::string html;
    for (const Block::Piece& piece : block.pieces) html += piece.child ? Render(*piece.child) : piece.html;
    return html;
  }

 private:
  std::string Render(const Block& block) {
    const std::string& name = block.name;
    if (name == "more") return "<!--more-->";
    if (name == "nextpage") return "<!--nextpage-->";
    if (IsSiteBlock(name) && (name == "spacer" || name == "footnotes" || name == "social-link" ||
                              block.void_block || !HasText(block))) {
      ++conversion_.out.dropped_blocks[name];
      return "";
    }
    std::string inner = Inner(block);
    if (name == "html") ++conversion_.out.html_blocks[name];
    const bool embed = name == "embed" || name.starts_with("core-embed/");
    if (embed && text::Trim(inner).empty()) {
      const std::string url = text::EscapeHtml(StringAttr(block.attrs, "url"));
      if (!url.empty()) return "<p><a href=\"" + url + "\">" + url + "</a></p>";
    }
    if (block.void_block && inner.empty() && !embed) ++conversion_.out.dropped_blocks[name];
    return inner;
  }

  // Whether a site block holds anything written by hand (a heading inside a query loop).
  bool HasText(const Block& block) {
    for (const Block::Piece& piece : block.pieces) {
      if (piece.child ? HasText(*piece.child) : HasVisibleText(piece.html)) return true;
    }
    return false;
  }

  static bool HasVisibleText(std::string_view html) {
    bool in_tag = false;
    for (char c : html) {
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false;
      else if (!in_tag && !(c == ' ' || c == '\n' || c == '\t' || c == '\r')) return true;
    }
    return false;
  }

  Conversion& conversion_;
};

}  // namespace

bool HasBlocks(std::string_view content) { return content.find("<!-- wp:") != std::string_view::npos; }

std::string RenderBlocks(std::string_view content, Conversion& conversion) {
  std::unique_ptr<Block> root = Parse(content);
  return Renderer(conversion).Inner(*root);
}

}  // namespace gazette::imports::wordpress
