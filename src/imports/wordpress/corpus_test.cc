// Every item of the WordPress theme-test exports (../shared/corpora/wxr), converted: no block
// comment left, no shortcode unreported, every image kept, every visible word rendered.
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "imports/wordpress/test_util.h"

namespace gazette::imports::wordpress {
namespace {

constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kWpNs = "http://wordpress.org/export/1.2/";

std::filesystem::path CorpusDir() {
  const char* env = std::getenv("GAZETTE_SOURCE_DIR");
  return std::filesystem::path(env ? env : GAZETTE_SOURCE_DIR) / ".." / "shared" / "corpora" / "wxr";
}

std::string Child(xmlNode* item, const char* ns, const char* name) {
  for (xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(c->name)) != name) continue;
    if (!c->ns || std::string(reinterpret_cast<const char*>(c->ns->href)) != ns) continue;
    xmlChar* s = xmlNodeGetContent(c);
    std::string out = s ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    return out;
  }
  return "";
}

struct Item {
  std::string title, type, content;
  long long id = 0;
  std::string attachment_url;
};

std::vector<Item> ReadItems(const std::filesystem::path& file) {
  std::vector<Item> items;
  xmlDoc* doc = xmlReadFile(file.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE);
  if (!doc) return items;
  for (xmlNode* channel = xmlDocGetRootElement(doc)->children; channel; channel = channel->next) {
    for (xmlNode* n = channel->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(n->name)) != "item") continue;
      Item item;
      item.title = Child(n, "", "title");
      for (xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !c->ns && std::string(reinterpret_cast<const char*>(c->name)) == "title") {
          xmlChar* s = xmlNodeGetContent(c);
          item.title = s ? reinterpret_cast<const char*>(s) : "";
          xmlFree(s);
        }
      }
      item.type = Child(n, kWpNs, "post_type");
      item.content = Child(n, kContentNs, "encoded");
      item.id = std::atoll(Child(n, kWpNs, "post_id").c_str());
      item.attachment_url = Child(n, kWpNs, "attachment_url");
      items.push_back(std::move(item));
    }
  }
  xmlFreeDoc(doc);
  return items;
}

// The text a browser shows of some HTML, a space at every element boundary; and its images.
void Visible(xmlNode* node, std::string& text, std::vector<std::string>& images) {
  for (; node; node = node->next) {
    if (node->type == XML_TEXT_NODE && node->content) text += reinterpret_cast<const char*>(node->content);
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(node->name);
    if (name == "script" || name == "style") continue;
    if (name == "img") {
      xmlChar* src = xmlGetProp(node, reinterpret_cast<const xmlChar*>("src"));
      if (src) images.emplace_back(reinterpret_cast<const char*>(src));
      xmlFree(src);
    }
    text += ' ';
    Visible(node->children, text, images);
    text += ' ';
  }
}

void ParseVisible(const std::string& html, std::string& text, std::vector<std::string>& images) {
  const std::string wrapped = "<div>" + html + "</div>";
  htmlDocPtr doc = htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  if (!doc) return;
  Visible(xmlDocGetRootElement(doc), text, images);
  xmlFreeDoc(doc);
}

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (char ch : text + " ") {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  return words;
}

// The input's text without the tags of the shortcodes Gazette renders (their attributes are
// not shown on WordPress either).
std::string WithoutRenderedShortcodeTags(const std::string& text) {
  static const std::set<std::string> kRendered = {"caption", "wp_caption", "gallery", "embed", "audio", "video"};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') {
      std::size_t j = i + 1 + (i + 1 < text.size() && text[i + 1] == '/');
      std::size_t k = j;
      while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) != 0 || text[k] == '_')) ++k;
      const std::size_t close = text.find(']', k);
      if (kRendered.contains(text.substr(j, k - j)) && close != std::string::npos) {
        out += ' ';
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Names in "[name" form left in the rendered text.
std::set<std::string> ShortcodeNames(const std::string& text) {
  std::set<std::string> names;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '[' || std::isalpha(static_cast<unsigned char>(text[i + 1])) == 0) continue;
    std::size_t k = i + 1;
    while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) != 0 || text[k] == '_' || text[k] == '-')) ++k;
    if (k < text.size() && (text[k] == ']' || text[k] == ' ' || text[k] == '/')) names.insert(text.substr(i + 1, k - i - 1));
  }
  return names;
}

TEST(CorpusTest, EveryItemOfTheThemeTestExportsConverts) {
  const std::filesystem::path dir = CorpusDir();
  if (!std::filesystem::exists(dir / "64-block-test-data.xml")) GTEST_SKIP() << "corpora absent: " << dir;
  std::map<std::string, int> shortcodes, html_blocks, dropped;
  int converted = 0;
  for (const char* file : {"64-block-test-data.xml", "theme-preview.xml"}) {
    const std::vector<Item> items = ReadItems(dir / file);
    ASSERT_FALSE(items.empty()) << file;
    std::map<long long, Attachment> attachments;
    for (const Item& item : items) {
      if (item.type == "attachment") attachments[item.id] = Attachment{item.attachment_url, "", item.title};
    }
    ConvertOptions options;
    options.find_attachment = [&](long long id) -> std::optional<Attachment> {
      auto it = attachments.find(id);
      return it == attachments.end() ? std::nullopt : std::optional<Attachment>(it->second);
    };
    for (const Item& item : items) {
      if (item.content.empty()) continue;
      SCOPED_TRACE(std::string(file) + ": " + item.title);
      const ConvertedContent c = ConvertContent(item.content, options);
      ++converted;
      // GAZETTE_WXR_DUMP=DIR writes each item's Markdown there, to read what the converter made.
      if (const char* dump = std::getenv("GAZETTE_WXR_DUMP")) {
        std::ofstream(std::filesystem::path(dump) / (std::to_string(item.id) + ".md")) << c.markdown;
      }
      EXPECT_EQ(c.markdown.find("<!-- wp:"), std::string::npos);
      std::string in_text, out_text;
      std::vector<std::string> in_images, out_images;
      ParseVisible(item.content, in_text, in_images);
      ParseVisible(content::RenderMarkdown(c.markdown).str(), out_text, out_images);
      for (const std::string& url : in_images) {
        EXPECT_NE(std::find(c.image_urls.begin(), c.image_urls.end(), url), c.image_urls.end()) << url;
        EXPECT_NE(c.markdown.find(url), std::string::npos) << url;
      }
      for (const std::string& name : ShortcodeNames(out_text)) EXPECT_TRUE(c.unrendered_shortcodes.contains(name)) << name;
      const std::set<std::string> shown = Words(out_text);
      for (const std::string& word : Words(WithoutRenderedShortcodeTags(in_text))) {
        EXPECT_TRUE(shown.contains(word)) << "missing word: " << word;
      }
      for (const auto& [k, v] : c.unrendered_shortcodes) shortcodes[k] += v;
      for (const auto& [k, v] : c.html_blocks) html_blocks[k] += v;
      for (const auto& [k, v] : c.dropped_blocks) dropped[k] += v;
    }
  }
  auto print = [](const char* what, const std::map<std::string, int>& m) {
    std::cout << what << ":";
    for (const auto& [k, v] : m) std::cout << " " << k << "=" << v;
    std::cout << "\n";
  };
  std::cout << "converted items: " << converted << "\n";
  print("unrendered shortcodes", shortcodes);
  print("html blocks", html_blocks);
  print("dropped blocks", dropped);
  EXPECT_GT(converted, 60);
}

}  // namespace
}  // namespace gazette::imports::wordpress
