// Comments of an imported item: their status, threading (a reply keeps its real parent at any
// depth), dates, and the submission data the privacy rules allow.
#include <libxml/HTMLparser.h>

#include <functional>
#include <set>

#include "common/text.h"
#include "imports/wordpress/wxr_context.h"

namespace gazette::imports::wordpress {
namespace {

bool IsBlock(const char* name) {
  static const std::set<std::string_view> blocks = {"p", "div", "br", "li", "blockquote", "pre", "ul", "ol", "h1",
                                                    "h2", "h3", "h4", "h5", "h6"};
  return blocks.contains(name);
}

void AppendText(xmlNodePtr node, std::string& out) {
  for (xmlNodePtr n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      const char* name = reinterpret_cast<const char*>(n->name);
      const bool block = IsBlock(name);
      if (block && !out.empty() && out.back() != '\n') out += '\n';
      if (std::string_view(name) == "p" && !out.empty() && !out.ends_with("\n\n")) out += '\n';
      AppendText(n->children, out);
      if (block && std::string_view(name) == "p") out += '\n';
    }
  }
}

std::optional<comments::CommentStatus> StatusOf(const WxrComment& m) {
  if (m.approved == "1" || m.approved == "approve") return comments::CommentStatus::kApproved;
  if (m.approved == "0" || m.approved.empty() || m.approved == "hold") return comments::CommentStatus::kPending;
  if (m.approved == "spam") return comments::CommentStatus::kSpam;
  if (m.approved == "trash" || m.approved == "post-trashed") return comments::CommentStatus::kTrash;
  return std::nullopt;
}

bool IsPing(const WxrComment& m) { return m.type == "pingback" || m.type == "trackback"; }

}  // namespace

std::string CommentText(std::string_view html) {
  const std::string wrapped = "<div>" + std::string(html) + "</div>";
  htmlDocPtr doc = htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) return std::string(text::Trim(html));
  std::string out;
  AppendText(xmlDocGetRootElement(doc), out);
  xmlFreeDoc(doc);
  while (out.find("\n\n\n") != std::string::npos) out.replace(out.find("\n\n\n"), 3, "\n\n");
  return text::SanitizeUtf8(text::Trim(out));
}

std::string InlineText(std::string_view html) {
  if (html.find_first_of("<&") == std::string_view::npos) return text::CollapseWhitespace(text::SanitizeUtf8(html));
  return text::CollapseWhitespace(CommentText(html));
}

Status ImportComments(ImportContext& c, content::ArticleId article, const WxrItem& item, const std::string& what) {
  std::map<std::int64_t, const WxrComment*> by_id;
  for (const auto& m : item.comments) by_id[m.id] = &m;
  std::map<std::int64_t, std::optional<comments::CommentId>> done;  // WordPress id → Gazette id

  std::function<Result<std::optional<comments::CommentId>>(const WxrComment&, int)> import =
      [&](const WxrComment& m, int depth) -> Result<std::optional<comments::CommentId>> {
    if (auto it = done.find(m.id); it != done.end()) return it->second;
    done[m.id] = std::nullopt;  // a parent cycle ends here
    auto known = c.t.ledger.Find(c.Key("comment", m.id));
    if (!known) return known.error();
    if (*known) {
      auto stored = c.t.comments.FindById(**known);
      if (stored) {
        ++c.s.comments.unchanged;
        return done[m.id] = **known;
      }
      if (stored.error().code != ErrorCode::kNotFound) return stored.error();
    }
    const std::string who = what + ", comment " + std::to_string(m.id);
    if (IsPing(m) && c.o.skip_pings) {
      ++c.s.pings_left_out;
      return std::optional<comments::CommentId>();
    }
    auto status = StatusOf(m);
    comments::Comment comment;
    comment.body = CommentText(m.content);
    if (!status || comment.body.empty()) {
      ++c.s.comments.skipped;
      c.s.skipped.push_back({who, status ? "it has no text" : "unknown status \"" + m.approved + "\""});
      return std::optional<comments::CommentId>();
    }
    if (m.parent != 0) {
      if (auto parent = by_id.find(m.parent); parent != by_id.end() && depth < 10000) {
        auto id = import(*parent->second, depth + 1);
        if (!id) return id.error();
        comment.parent_id = *id;
      } else if (auto id = c.t.ledger.Find(c.Key("comment", m.parent)); id && *id) {
        comment.parent_id = **id;
      }
      if (!comment.parent_id) c.s.notes.push_back(who + ": its parent comment is not there; shown at the top level");
    }
    comment.article_id = article;
    comment.status = *status;
    comment.name = text::SanitizeUtf8(text::Trim(m.author));
    if (comment.name.empty()) comment.name = "Anonymous";
    comment.email = std::string(text::Trim(m.email));
    comment.website = std::string(text::Trim(m.url));
    comment.created_at = c.Date(m.date_gmt, m.date).value_or(c.now);
    // The privacy rules keep a commenter's address only for the retention period.
    if (comment.created_at >= c.now - static_cast<UnixTime>(c.o.ip_retention_days) * 86400) comment.ip = m.ip;
    if (IsPing(m)) comment.moderation_reason = m.type;
    auto stored = c.t.comments.Insert(comment);
    if (!stored) return stored.error();
    if (auto st = c.t.ledger.Put(c.Key("comment", m.id), stored->id); !st) return st.error();
    ++c.s.comments.imported;
    return done[m.id] = stored->id;
  };
  for (const auto& m : item.comments) {
    if (auto r = import(m, 0); !r) return r.error();
  }
  return Status::Ok();
}

}  // namespace gazette::imports::wordpress
