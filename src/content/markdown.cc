// cmark-gfm adapter: the only file that knows the cmark API.
#include "content/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

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
