// SafeHtml: markup that is safe to put in a page as it is. Templates print unescaped
// ({{{name_html}}}) only values of this type, so whether a value is escaped is decided by its
// type and not by remembering. It is made only by the code that builds markup from what readers
// and writers typed and escapes it on the way (the Markdown renderer, the comment renderer, the
// search highlighter, the media markup, the identicon), or by Escape; an architecture test
// (safe_html_test.cc) lists the files that may call Trusted.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

class SafeHtml {
 public:
  SafeHtml() = default;
  // Plain text as markup: & < > " ' escaped.
  static SafeHtml Escape(std::string_view text);
  // Markup one of the makers built, or stored as it built it (an article's rendered body).
  static SafeHtml Trusted(std::string html) { return SafeHtml(std::move(html)); }

  const std::string& str() const { return html_; }
  bool empty() const { return html_.empty(); }
  SafeHtml& operator+=(const SafeHtml& more) {
    html_ += more.html_;
    return *this;
  }
  bool operator==(const SafeHtml&) const = default;

 private:
  explicit SafeHtml(std::string html) : html_(std::move(html)) {}
  std::string html_;
};

}  // namespace gazette
