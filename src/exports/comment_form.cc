#include "exports/comment_form.h"

namespace gazette::exports {

std::string PointCommentForm(std::string_view html, const CommentFormTarget& target) {
  std::string out(html);
  if (target.mode == CommentFormTarget::Mode::kSameOrigin) return out;
  const std::size_t start = out.find("<form class=\"comment-form\"");
  if (start == std::string::npos) return out;
  const std::size_t open_end = out.find('>', start);
  if (open_end == std::string::npos) return out;
  if (target.mode == CommentFormTarget::Mode::kLeftOut) {
    const std::size_t end = out.find("</form>", open_end);  // forms do not nest in HTML
    if (end == std::string::npos) return out;
    out.erase(start, end + 7 - start);
    return out;
  }
  constexpr std::string_view kAction = "action=\"/";
  const std::size_t action = out.find(kAction, start);
  if (action != std::string::npos && action < open_end) out.insert(action + kAction.size() - 1, target.base_url);
  return out;
}

}  // namespace gazette::exports
