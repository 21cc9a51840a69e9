// AbsoluteUrls: the fragment is parsed by libxml2's HTML parser inside a wrapper element, its
// attributes rewritten in the tree, and the wrapper's children written out again as HTML5. The
// writer is ours because libxml2's serialiser knows HTML 4's void elements only: it would close
// <source> and <track> (and nest what follows inside them). Text and attribute values are escaped
// with text::EscapeHtml; nothing the parser did not accept as an element or an attribute is written.
#include "feeds/absolute_urls.h"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include <memory>
#include <set>
#include <string_view>

#include "common/text.h"

namespace gazette::feeds {
namespace {

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

std::string Resolve(std::string_view url, const std::string& base) {
  const std::string u(text::Trim(url));
  if (u.empty()) return u;
  xmlChar* built = xmlBuildURI(X(u.c_str()), X(base.c_str()));
  if (!built) return u;  // not a URI libxml2 understands: leave it
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

// "a.jpg 480w, /b.jpg 960w" -> each URL resolved, descriptors kept.
std::string ResolveSrcset(std::string_view srcset, const std::string& base) {
  std::string out;
  for (const auto& candidate : text::SplitTrimmed(srcset, ',')) {
    const std::size_t space = candidate.find_first_of(" \t\n");
    const std::string url = candidate.substr(0, space);
    if (!out.empty()) out += ", ";
    out += Resolve(url, base);
    if (space != std::string::npos) out += candidate.substr(space);
  }
  return out;
}

// HTML5's void elements: a start tag and no end tag.
bool IsVoid(const xmlChar* name) {
  static const std::set<std::string_view> kVoid = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                                   "input", "link", "meta", "param", "source", "track", "wbr"};
  return kVoid.count(reinterpret_cast<const char*>(name)) > 0;
}

std::string_view View(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// Elements (start tag, children, end tag unless void), text and CDATA (escaped); comments and
// processing instructions are left out.
void Write(std::string& out, const xmlNode* node) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      // <script> and <style> content is raw text in HTML: the sanitiser removed both from articles.
      out += text::EscapeHtml(View(n->content));
    } else if (n->type == XML_ELEMENT_NODE) {
      out += '<';
      out += View(n->name);
      for (const xmlAttr* a = n->properties; a; a = a->next) {
        out += ' ';
        out += View(a->name);
        xmlChar* value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        out += "=\"";
        out += text::EscapeHtml(View(value));
        out += '"';
        xmlFree(value);
      }
      out += '>';
      if (IsVoid(n->name)) {
        Write(out, n->children);  // what HTML 4's parser nested inside it follows it
        continue;
      }
      Write(out, n->children);
      out += "</";
      out += View(n->name);
      out += '>';
    }
  }
}

void Rewrite(xmlNode* node, const std::string& base) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    for (const char* name : {"href", "src", "poster", "srcset"}) {
      xmlChar* value = xmlGetProp(n, X(name));
      if (!value) continue;
      const std::string_view v(reinterpret_cast<const char*>(value));
      const std::string fixed = std::string_view(name) == "srcset" ? ResolveSrcset(v, base) : Resolve(v, base);
      xmlFree(value);
      xmlSetProp(n, X(name), X(fixed.c_str()));
    }
    Rewrite(n->children, base);
  }
}

}  // namespace

std::string AbsoluteUrls(std::string_view html, std::string_view base) {
  const std::string doc_text =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div id=\"gazette-fragment\">" +
      std::string(html) + "</div></body></html>";
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(doc_text.data(), static_cast<int>(doc_text.size()), nullptr, "UTF-8",
                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      &xmlFreeDoc);
  if (!doc) return std::string(html);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  xmlNode* body = root ? root->children : nullptr;
  while (body && !(body->type == XML_ELEMENT_NODE && xmlStrEqual(body->name, X("body")))) body = body->next;
  xmlNode* wrapper = body ? body->children : nullptr;
  while (wrapper && wrapper->type != XML_ELEMENT_NODE) wrapper = wrapper->next;
  if (!wrapper) return std::string(html);
  const std::string b(base);
  Rewrite(wrapper->children, b);
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  Write(out, wrapper->children);
  return out;
}

}  // namespace gazette::feeds
