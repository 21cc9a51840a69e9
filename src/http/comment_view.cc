// The comment part of an article page: thread depth, identicons, closed state, reply form.
#include "comments/identicon.h"
#include "http/reader_site.h"

namespace gazette::http {

Status ReaderSite::FillComments(themes::ArticlePage& page, themes::CommentFormState& form) const {
  auto settings = d_.comments.Settings();
  if (!settings) return settings.error();
  page.thread_depth = settings->thread_depth;
  auto open = d_.comments.IsOpen(*page.article, *settings);
  if (!open) return open.error();
  page.comments_closed = !*open;
  for (const auto& c : page.comments) page.avatars[c.id] = comments::IdenticonSvg(c.email, d_.tokens.secret());
  if (form.parent.empty()) return Status::Ok();
  // ?replytocom=ID names an approved comment of this article, or is ignored.
  for (const auto& c : page.comments)
    if (std::to_string(c.id) == form.parent) {
      form.replying_to = c.name;
      return Status::Ok();
    }
  if (form.comment.empty()) form.parent.clear();
  return Status::Ok();
}

}  // namespace gazette::http
