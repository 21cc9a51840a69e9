// cmark-gfm adapter: the only file that knows the cmark API.
#include "content/markdown.h"

#include <algorithm>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <optional>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::content {
namespace {

constexpr const char* kExtensions[] = {"table", "autolink", "strikethrough", "tagfilter"};

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

enum class Output { kHtml, kPlain };

// Phrasing tags with no Markdown form that articles need (footnote marks, formulas, keys,
// highlights, and what imports from WordPress bring): let through only written bare, "<sup>",
// so that there is no attribute to abuse, and balanced among one parent's children, so that
// the page stays valid HTML. Every other piece of raw HTML is still omitted.
constexpr std::string_view kBareTags[] = {"sup", "sub", "kbd", "mark"};

// The tag's name and whether it closes, if `node` is exactly "<name>" or "</name>" of kBareTags.
std::optional<std::pair<std::string_view, bool>> BareTag(cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_HTML_INLINE) return std::nullopt;
  const char* literal = cmark_node_get_literal(node);
  std::string_view tag = literal ? literal : "";
  if (!tag.starts_with('<') || !tag.ends_with('>')) return std::nullopt;
  tag = tag.substr(1, tag.size() - 2);
  const bool closing = tag.starts_with('/');
  if (closing) tag.remove_prefix(1);
  for (std::string_view name : kBareTags) {
    if (tag == name) return std::pair{name, closing};
  }
  return std::nullopt;
}

// Replaces a raw HTML node by a custom one, which the renderer writes out as it is.
void LetThrough(cmark_node* node) {
  cmark_node* custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
  cmark_node_set_on_enter(custom, cmark_node_get_literal(node));
  cmark_node_replace(node, custom);
  cmark_node_free(node);
}

// The page's headline is its h1, so the body's headings start at h2 and go down one level at a
// time: an h1 in the body becomes an h2, and an h4 straight after an h2 an h3, as an outline (and
// the HTML checker) expects. Headings that already nest are left as written.
void NestHeadings(cmark_node* doc) {
  int previous = 1;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
    const int level = std::clamp(cmark_node_get_heading_level(node), 2, previous + 1);
    cmark_node_set_heading_level(node, level);
    previous = level;
  }
  cmark_iter_free(iter);
}

void AllowBareTags(cmark_node* doc) {
  // Parents first, then their children changed: the iterator must not hold a replaced node.
  std::vector<cmark_node*> parents;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(node)) parents.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* parent : parents) {
    std::vector<std::pair<std::string_view, cmark_node*>> open;
    std::vector<std::pair<cmark_node*, cmark_node*>> pairs;
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
      auto tag = BareTag(child);
      if (!tag) continue;
      if (!tag->second) open.emplace_back(tag->first, child);
      else if (!open.empty() && open.back().first == tag->first) {
        pairs.emplace_back(open.back().second, child);
        open.pop_back();
      }
    }
    for (auto [opener, closer] : pairs) {
      LetThrough(opener);
      LetThrough(closer);
    }
  }
}

std::string Render(std::string_view markdown, Output output) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // CMARK_OPT_DEFAULT leaves out CMARK_OPT_UNSAFE: raw HTML and javascript: links are dropped.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  if (output == Output::kHtml) {
    AllowBareTags(doc.get());
    NestHeadings(doc.get());
  }
  char* rendered = output == Output::kHtml
                       ? cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()))
                       : cmark_render_plaintext(doc.get(), options, 0);
  std::string result(rendered ? rendered : "");
  std::free(rendered);
  return result;
}

}  // namespace

SafeHtml RenderMarkdown(std::string_view markdown) { return SafeHtml::Trusted(Render(markdown, Output::kHtml)); }

std::string MarkdownToPlainText(std::string_view markdown) { return Render(markdown, Output::kPlain); }

std::string EscapeMarkdown(std::string_view plain) {
  std::string out;
  out.reserve(plain.size() + 16);
  bool line_start = true;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '~':
      case '|':
        out += '\\';
        break;
      case '#':
      case '+':
      case '-':
      case '=':
        if (line_start) out += '\\';
        break;
      default:
        break;
    }
    // "1. " or "1) " at the start of a line would become a list.
    if (line_start && c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < plain.size() && plain[j] >= '0' && plain[j] <= '9') ++j;
      if (j < plain.size() && (plain[j] == '.' || plain[j] == ')')) {
        out.append(plain.substr(i, j - i));
        out += '\\';
        i = j - 1;
        line_start = false;
        continue;
      }
    }
    out += c;
    line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
  }
  return out;
}

}  // namespace gazette::content
