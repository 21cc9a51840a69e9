// WxrReader on libxml2's xmlTextReader: the document is read node by node, and each record
// (an item, an author, a term) is expanded alone, read into plain values and let go.
#include "imports/wordpress/wxr_reader.h"

#include <libxml/xmlreader.h>
#include <sys/stat.h>

#include <charconv>
#include <cstdio>

#include "common/text.h"
#include "common/time.h"

namespace gazette::imports::wordpress {

struct WxrReader::State {
  xmlTextReaderPtr reader = nullptr;
  std::string error;  // the parser's first error, "line N: ..."
  WxrSite site;
  bool site_sent = false;
  std::optional<WxrRecord> pending;  // a record read while the header was still to be sent
};

namespace {

void OnXmlError(void* arg, xmlErrorPtr err) {
  auto* state = static_cast<WxrReader::State*>(arg);
  if (!err || err->level < XML_ERR_ERROR || !state->error.empty()) return;
  std::string message = err->message ? err->message : "malformed XML";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  state->error = "line " + std::to_string(err->line) + ": " + message;
}

// The element's name with the prefix WXR documents use, whatever prefix this file declared:
// WordPress has written its namespaces as http and https, for versions 1.0 to 1.2.
std::string CanonicalName(xmlNodePtr node) {
  std::string local = reinterpret_cast<const char*>(node->name);
  if (!node->ns || !node->ns->href) return local;
  const std::string href = reinterpret_cast<const char*>(node->ns->href);
  std::string prefix;
  if (href.find("wordpress.org/export/") != std::string::npos)
    prefix = href.find("excerpt") != std::string::npos ? "excerpt" : "wp";
  else if (href.find("purl.org/rss/1.0/modules/content") != std::string::npos)
    prefix = "content";
  else if (href.find("purl.org/dc/elements") != std::string::npos)
    prefix = "dc";
  else
    prefix = node->ns->prefix ? reinterpret_cast<const char*>(node->ns->prefix) : "?";
  return prefix + ":" + local;
}

std::string Text(xmlNodePtr node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string s = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return s;
}

std::string Attribute(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string s = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return s;
}

std::int64_t Number(const std::string& s) {
  const std::string_view t = text::Trim(s);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
  return ec == std::errc() && end == t.data() + t.size() ? n : 0;
}

// Calls `f(name, child)` for each element child of `node`.
template <typename F>
void ForEachChild(xmlNodePtr node, F&& f) {
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) f(CanonicalName(c), c);
}

WxrAuthor ReadAuthor(xmlNodePtr node) {
  WxrAuthor a;
  ForEachChild(node, [&](const std::string& n, xmlNodePtr c) {
    if (n == "wp:author_id") a.id = Number(Text(c));
    else if (n == "wp:author_login") a.login = Text(c);
    else if (n == "wp:author_email") a.email = Text(c);
    else if (n == "wp:author_display_name") a.display_name = Text(c);
    else if (n == "wp:author_first_name") a.first_name = Text(c);
    else if (n == "wp:author_last_name") a.last_name = Text(c);
    else if (n == "wp:author_description") a.description = Text(c);
  });
  return a;
}

WxrTerm ReadTerm(xmlNodePtr node, const std::string& name) {
  WxrTerm t;
  t.taxonomy = name == "wp:category" ? "category" : name == "wp:tag" ? "post_tag" : "";
  ForEachChild(node, [&](const std::string& n, xmlNodePtr c) {
    if (n == "wp:term_id") t.id = Number(Text(c));
    else if (n == "wp:category_nicename" || n == "wp:tag_slug" || n == "wp:term_slug") t.slug = Text(c);
    else if (n == "wp:cat_name" || n == "wp:tag_name" || n == "wp:term_name") t.name = Text(c);
    else if (n == "wp:category_parent" || n == "wp:term_parent") t.parent_slug = Text(c);
    else if (n == "wp:category_description" || n == "wp:tag_description" || n == "wp:term_description")
      t.description = Text(c);
    else if (n == "wp:term_taxonomy") t.taxonomy = Text(c);
  });
  return t;
}

WxrComment ReadComment(xmlNodePtr node) {
  WxrComment m;
  ForEachChild(node, [&](const std::string& n, xmlNodePtr c) {
    if (n == "wp:comment_id") m.id = Number(Text(c));
    else if (n == "wp:comment_parent") m.parent = Number(Text(c));
    else if (n == "wp:comment_user_id") m.user_id = Number(Text(c));
    else if (n == "wp:comment_author") m.author = Text(c);
    else if (n == "wp:comment_author_email") m.email = Text(c);
    else if (n == "wp:comment_author_url") m.url = Text(c);
    else if (n == "wp:comment_author_IP") m.ip = Text(c);
    else if (n == "wp:comment_date") m.date = Text(c);
    else if (n == "wp:comment_date_gmt") m.date_gmt = Text(c);
    else if (n == "wp:comment_content") m.content = Text(c);
    else if (n == "wp:comment_approved") m.approved = std::string(text::Trim(Text(c)));
    else if (n == "wp:comment_type") m.type = std::string(text::Trim(Text(c)));
  });
  return m;
}

void ReadItemField(WxrItem& it, const std::string& n, xmlNodePtr c) {
  if (n == "title") it.title = Text(c);
  else if (n == "link") it.link = std::string(text::Trim(Text(c)));
  else if (n == "pubDate") it.pub_date = Text(c);
  else if (n == "dc:creator") it.creator = Text(c);
  else if (n == "guid") it.guid = std::string(text::Trim(Text(c)));
  else if (n == "description") it.description = Text(c);
  else if (n == "content:encoded") it.content = Text(c);
  else if (n == "excerpt:encoded") it.excerpt = Text(c);
  else if (n == "wp:post_id") it.post_id = Number(Text(c));
  else if (n == "wp:post_parent") it.post_parent = Number(Text(c));
  else if (n == "wp:menu_order") it.menu_order = static_cast<int>(Number(Text(c)));
  else if (n == "wp:post_date") it.post_date = Text(c);
  else if (n == "wp:post_date_gmt") it.post_date_gmt = Text(c);
  else if (n == "wp:post_modified") it.modified = Text(c);
  else if (n == "wp:post_modified_gmt") it.modified_gmt = Text(c);
  else if (n == "wp:comment_status") it.comment_status = Text(c);
  else if (n == "wp:post_name") it.post_name = std::string(text::Trim(Text(c)));
  else if (n == "wp:status") it.status = std::string(text::Trim(Text(c)));
  else if (n == "wp:post_type") it.post_type = std::string(text::Trim(Text(c)));
  else if (n == "wp:attachment_url") it.attachment_url = std::string(text::Trim(Text(c)));
  else if (n == "wp:is_sticky") it.sticky = Number(Text(c)) != 0;
  else if (n == "category") it.terms.push_back({Attribute(c, "domain"), Attribute(c, "nicename"), Text(c)});
  else if (n == "wp:comment") it.comments.push_back(ReadComment(c));
  else if (n == "wp:postmeta") {
    std::string key, value;
    ForEachChild(c, [&](const std::string& m, xmlNodePtr v) {
      if (m == "wp:meta_key") key = Text(v);
      else if (m == "wp:meta_value") value = Text(v);
    });
    it.meta.emplace_back(std::move(key), std::move(value));
  }
}

WxrItem ReadItem(xmlNodePtr node) {
  WxrItem it;
  it.line = static_cast<int>(xmlGetLineNo(node));
  ForEachChild(node, [&](const std::string& n, xmlNodePtr c) { ReadItemField(it, n, c); });
  if (it.post_type.empty()) it.post_type = "post";  // as WordPress's importer assumes
  return it;
}

bool KnownVersion(std::string_view v) { return v == "1.0" || v == "1.1" || v == "1.2"; }

}  // namespace

std::string WxrItem::Meta(std::string_view key) const {
  for (const auto& [k, v] : meta)
    if (k == key) return v;
  return "";
}

WxrReader::WxrReader(std::unique_ptr<State> state) : s_(std::move(state)) {}

WxrReader::~WxrReader() {
  if (s_ && s_->reader) xmlFreeTextReader(s_->reader);
}

Result<std::unique_ptr<WxrReader>> WxrReader::Open(const std::string& path, const WxrLimits& limits) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return Error::NotFound("No such file: " + path);
  if (static_cast<std::uint64_t>(info.st_size) > limits.max_bytes)
    return Error::Invalid(path + " is " + std::to_string(info.st_size) + " bytes, more than the limit of " +
                          std::to_string(limits.max_bytes) + " (--max-bytes)");
  auto state = std::make_unique<State>();
  // No XML_PARSE_NOENT and no XML_PARSE_DTDLOAD: entities are never substituted nor fetched.
  state->reader = xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  if (!state->reader) return Error::Unavailable("Cannot read " + path);
  xmlTextReaderSetStructuredErrorHandler(state->reader, OnXmlError, state.get());
  return std::unique_ptr<WxrReader>(new WxrReader(std::move(state)));
}

Result<std::optional<WxrRecord>> WxrReader::Next() {
  State& s = *s_;
  if (s.pending) {
    std::optional<WxrRecord> r = std::move(s.pending);
    s.pending.reset();
    return r;
  }
  auto header = [&]() -> Result<std::optional<WxrRecord>> {
    if (s.site.wxr_version.empty()) return Error::Invalid("Not a WordPress export: it has no <wp:wxr_version>");
    s.site_sent = true;
    return std::optional<WxrRecord>(s.site);
  };
  for (;;) {
    const int ret = xmlTextReaderRead(s.reader);
    if (ret < 0 || !s.error.empty())
      return Error::Invalid("Malformed XML, " + (s.error.empty() ? std::string("unreadable") : s.error));
    if (ret == 0) {
      if (!s.site_sent) return header();
      return std::optional<WxrRecord>();
    }
    const int type = xmlTextReaderNodeType(s.reader);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE)
      return Error::Invalid("line " + std::to_string(xmlTextReaderGetParserLineNumber(s.reader)) +
                            ": the export declares a DOCTYPE; WordPress exports have none, and its entity "
                            "declarations (external entities, entity expansion) are refused");
    if (type != XML_READER_TYPE_ELEMENT) continue;
    const int depth = xmlTextReaderDepth(s.reader);
    if (depth > 2) continue;
    xmlNodePtr node = xmlTextReaderExpand(s.reader);
    if (!node) return Error::Invalid("Malformed XML, " + (s.error.empty() ? std::string("unreadable") : s.error));
    const std::string name = CanonicalName(node);
    if (depth == 0 && name != "rss") return Error::Invalid("Not a WordPress export: its root is <" + name + ">");
    if (depth < 2) continue;
    std::optional<WxrRecord> record;
    if (name == "item") record = ReadItem(node);
    else if (name == "wp:author") record = ReadAuthor(node);
    else if (name == "wp:category" || name == "wp:tag" || name == "wp:term") record = ReadTerm(node, name);
    else if (name == "wp:wxr_version") {
      s.site.wxr_version = std::string(text::Trim(Text(node)));
      if (!KnownVersion(s.site.wxr_version))
        return Error::Invalid("line " + std::to_string(xmlGetLineNo(node)) + ": WXR version \"" +
                              s.site.wxr_version + "\" is not one this importer knows (1.0, 1.1, 1.2)");
    } else if (!s.site_sent) {
      std::string* field = name == "title"              ? &s.site.title
                           : name == "link"             ? &s.site.link
                           : name == "description"      ? &s.site.description
                           : name == "language"         ? &s.site.language
                           : name == "generator"        ? &s.site.generator
                           : name == "wp:base_site_url" ? &s.site.base_site_url
                           : name == "wp:base_blog_url" ? &s.site.base_blog_url
                                                        : nullptr;
      if (field) *field = std::string(text::Trim(Text(node)));
    }
    if (!record) continue;
    if (!s.site_sent) {
      s.pending = std::move(record);
      return header();
    }
    return record;
  }
}

std::optional<std::int64_t> ParseWpDate(std::string_view s) {
  s = text::Trim(s);
  int y, mo, d, h = 0, mi = 0, sec = 0;
  const std::string str(s);
  const int n = std::sscanf(str.c_str(), "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec);
  if (n != 3 && n != 6) return std::nullopt;
  if (y == 0 || h > 23 || mi > 59 || sec > 60 || h < 0 || mi < 0 || sec < 0) return std::nullopt;
  auto day = FromCivil({y, mo, d});
  if (!day) return std::nullopt;
  return *day + h * 3600 + mi * 60 + sec;
}

}  // namespace gazette::imports::wordpress
