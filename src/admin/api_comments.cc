// Admin API: the comment moderation queue, for editors and administrators.
#include <nlohmann/json.hpp>

#include "admin/api.h"
#include "admin/api_json.h"

namespace gazette::admin {

using nlohmann::json;

http::Response AdminApi::ListComments(Call& c) const {
  if (!accounts::CanModerateComments(c.user))
    return JsonError(403, "Your role does not allow you to moderate comments.");
  std::optional<comments::CommentStatus> status;
  if (auto s = c.req.Query("status"); s && !s->empty()) {
    status = comments::ParseCommentStatus(*s);
    if (!status) return JsonError(422, "status is pending, approved, spam or trash.", "status");
  }
  auto list = d_.comments.List(status);
  if (!list) return JsonError(list.error());
  json out = json::array();
  for (const auto& cm : *list) out.push_back(CommentJson(cm));
  return JsonResponse(200, {{"comments", out}});
}

http::Response AdminApi::CommentAction(Call& c, std::int64_t id, const std::string& action) const {
  if (!accounts::CanModerateComments(c.user))
    return JsonError(403, "Your role does not allow you to moderate comments.");
  std::optional<comments::CommentStatus> status;
  if (action == "approve") status = comments::CommentStatus::kApproved;
  if (action == "spam") status = comments::CommentStatus::kSpam;
  if (action == "trash") status = comments::CommentStatus::kTrash;
  if (action == "pending") status = comments::CommentStatus::kPending;
  if (!status) return JsonError(404, "No such action: use approve, spam, trash or pending.");
  if (auto st = d_.comments.SetStatus(id, *status); !st) return JsonError(st.error());
  return JsonResponse(200, {{"comment", {{"id", id}, {"status", comments::ToString(*status)}}}});
}

}  // namespace gazette::admin
