// AbsoluteUrls: the fragment is parsed inside a wrapper element, its attributes rewritten in the
// tree, and the wrapper's children serialised again, so the result is what libxml2's HTML
// serialiser makes of the fragment (well-formed, entities kept).
#include "feeds/absolute_urls.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/uri.h>

#include <memory>

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
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), &xmlBufferFree);
  if (!buf) return std::string(html);
  for (xmlNode* n = wrapper->children; n; n = n->next) htmlNodeDump(buf.get(), doc.get(), n);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())), xmlBufferLength(buf.get()));
}

}  // namespace gazette::feeds
