// Page links: libxml2 reads the markup; Boost.URL resolves the references.
#include "app/page_links.h"

#include <boost/url.hpp>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "common/text.h"

namespace gazette::app {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

void Collect(xmlNode* node, std::vector<std::string>& out) {
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE) {
      for (const char* a : {"href", "src"})
        if (std::string v = Attr(node, a); !v.empty()) out.push_back(std::move(v));
      // "a.jpg 480w, b.jpg 960w": the URL is each candidate's first word.
      for (const auto& candidate : text::SplitTrimmed(Attr(node, "srcset"), ',')) {
        const std::string_view c = candidate;
        if (!c.empty()) out.emplace_back(c.substr(0, c.find(' ')));
      }
    }
    Collect(node->children, out);
  }
}

void CollectLocs(xmlNode* node, std::vector<std::string>& out) {
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, reinterpret_cast<const xmlChar*>("loc"))) {
      xmlChar* t = xmlNodeGetContent(node);
      if (t) out.emplace_back(text::Trim(reinterpret_cast<const char*>(t)));
      xmlFree(t);
    }
    CollectLocs(node->children, out);
  }
}

}  // namespace

std::vector<std::string> HtmlLinks(std::string_view html) {
  std::vector<std::string> out;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (doc) Collect(xmlDocGetRootElement(doc.get()), out);
  return out;
}

std::vector<std::string> SitemapLocations(std::string_view xml) {
  std::vector<std::string> out;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc) CollectLocs(xmlDocGetRootElement(doc.get()), out);
  return out;
}

std::optional<std::string> LocalPath(std::string_view link, std::string_view base, std::string_view site_url) {
  auto site = boost::urls::parse_absolute_uri(boost::urls::string_view(site_url.data(), site_url.size()));
  if (!site) return std::nullopt;
  boost::urls::url base_url = *site;
  base_url.set_path(std::string(base));  // set_path encodes what needs encoding
  auto ref = boost::urls::parse_uri_reference(boost::urls::string_view(link.data(), link.size()));
  if (!ref) return std::nullopt;
  boost::urls::url resolved;
  if (!boost::urls::resolve(base_url, *ref, resolved)) return std::nullopt;
  if (resolved.scheme() != site->scheme() || resolved.encoded_host() != site->encoded_host() ||
      resolved.port_number() != site->port_number())
    return std::nullopt;
  // Read back from a fresh parse: Boost 1.81's decoded path() of a resolved URL can keep the
  // length it had before dot segments were removed.
  auto reparsed = boost::urls::parse_uri(resolved.buffer());
  if (!reparsed) return std::nullopt;
  std::string path = reparsed->path();
  if (path.empty()) path = "/";
  return path;
}

}  // namespace gazette::app
