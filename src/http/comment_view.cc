// The comment part of an article page: thread depth, identicons, closed state, reply form.
#include "comments/identicon.h"
#include "http/reader_site.h"

namespace gazette::http {

void ReaderSite::FillComments(themes::ArticlePage& page, themes::CommentFormState& form) const {
  if (auto settings = d_.comments.Settings()) {
    page.thread_depth = settings->thread_depth;
    if (auto open = d_.comments.IsOpen(*page.article, *settings)) page.comments_closed = !*open;
  }
  for (const auto& c : page.comments) page.avatars[c.id] = comments::IdenticonSvg(c.email, d_.tokens.secret());
  if (form.parent.empty()) return;
  // ?replytocom=ID names an approved comment of this article, or is ignored.
  for (const auto& c : page.comments)
    if (std::to_string(c.id) == form.parent) {
      form.replying_to = c.name;
      return;
    }
  if (form.comment.empty()) form.parent.clear();
}

}  // namespace gazette::http
