// The comment moderation queue: tabs by status, bulk actions, the article each belongs to.
#include "admin/comment_pages.h"

#include <map>

#include "common/time.h"

namespace gazette::admin {

http::Response CommentPages::CommentsPage(const http::Request& req, const Visitor& v, const std::string& notice) const {
  const auto site = site_.Current();
  if (!accounts::CanModerateComments(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to moderate comments.", &v);
  const std::string tab = req.Query("status").value_or("pending");
  auto status = comments::ParseCommentStatus(tab);
  if (!status) status = comments::CommentStatus::kPending;
  ViewData page;
  ViewData tabs{ViewData::type::list};
  for (auto s : {comments::CommentStatus::kPending, comments::CommentStatus::kApproved, comments::CommentStatus::kSpam,
                 comments::CommentStatus::kTrash}) {
    ViewData t;
    t.set("status", comments::ToString(s));
    auto n = comments_.List(s);
    t.set("count", n ? std::to_string(n->size()) : std::string("?"));
    if (s == *status) t.set("current", true);
    tabs.push_back(t);
  }
  page.set("tabs", tabs);
  page.set("status", comments::ToString(*status));
  auto list = comments_.List(*status);
  if (!list) return kit_.ErrorPage(list.error(), &v);
  std::map<content::ArticleId, std::pair<std::string, std::string>> titles;  // id -> title, admin url
  ViewData rows{ViewData::type::list};
  for (const auto& c : *list) {
    if (!titles.count(c.article_id)) {
      auto a = articles_.Get(c.article_id);
      titles[c.article_id] = {a ? a->title : "(deleted article)",
                              a && a->IsPublished() ? site->permalink.PathFor(*a) : std::string()};
    }
    ViewData row;
    row.set("id", std::to_string(c.id));
    row.set("name", c.name);
    row.set("website", c.website);
    row.set("body", c.body);
    row.set("date", FormatIso8601(c.created_at));
    row.set("article_title", titles[c.article_id].first);
    if (!titles[c.article_id].second.empty()) row.set("article_url", titles[c.article_id].second);
    if (c.status == comments::CommentStatus::kPending || c.status == comments::CommentStatus::kApproved)
      row.set("can_reply", true);
    if (c.status == comments::CommentStatus::kPending) row.set("pending", true);
    rows.push_back(row);
  }
  page.set("comments", rows);
  if (list->empty()) page.set("empty", true);
  if (!notice.empty()) page.set("notice", notice);
  return kit_.Page(200, "comments", "Comments", page, &v);
}

http::Response CommentPages::PostCommentsBulk(const Visitor& v, const Form& form) const {
  if (!accounts::CanModerateComments(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to moderate comments.", &v);
  // A row's own button sends "ID:action"; the bulk button sends `action` for the ticked `ids`.
  std::vector<std::int64_t> ids;
  std::string action = FormValue(form, "action");
  const std::string one = FormValue(form, "one");
  if (!one.empty()) {
    const std::size_t colon = one.find(':');
    if (colon != std::string::npos)
      if (auto id = ParseId(std::string_view(one).substr(0, colon))) ids.push_back(*id), action = one.substr(colon + 1);
  } else {
    auto [begin, end] = form.equal_range("ids");
    for (auto it = begin; it != end; ++it)
      if (auto id = ParseId(it->second)) ids.push_back(*id);
  }
  auto status = comments::ParseCommentStatus(action == "approve" ? "approved" : action);
  if (!status) return kit_.ErrorPage(422, "Which action?", "Choose approve, pending, spam or trash.", &v);
  for (auto id : ids)
    if (auto st = comments_.SetStatus(id, *status); !st && st.error().code != ErrorCode::kNotFound)
      return kit_.ErrorPage(st.error(), &v);
  const std::string back = FormValue(form, "tab");
  return SeeOther("/admin/comments/?status=" + (comments::ParseCommentStatus(back) ? back : std::string("pending")));
}

// Reply as staff: as the signed-in user, approved at once; a pending comment is approved first.
http::Response CommentPages::PostCommentReply(const Visitor& v, std::string_view id, const Form& form) const {
  const auto site = site_.Current();
  if (!accounts::CanModerateComments(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to moderate comments.", &v);
  auto parent = ParseId(id);
  if (!parent) return kit_.ErrorPage(404, "Not found", "There is no such comment.", &v);
  comments::CommentForm reply;
  reply.comment = FormValue(form, "comment");
  reply.name = v.user.name;
  reply.email = v.user.email;
  reply.website = site->settings.url;
  auto stored = comments_.ReplyAsStaff(*parent, reply, v.user.email);
  if (!stored) {
    const int status = stored.error().code == ErrorCode::kNotFound ? 404 : 422;
    return kit_.ErrorPage(status, "Reply not posted", stored.error().message, &v);
  }
  const std::string back = FormValue(form, "tab");
  return SeeOther("/admin/comments/?status=" + (comments::ParseCommentStatus(back) ? back : std::string("pending")));
}

}  // namespace gazette::admin
