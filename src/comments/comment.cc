// Comment status names, as stored and as typed on the command line.
#include "comments/comment.h"

namespace gazette::comments {

const char* ToString(CommentStatus s) {
  switch (s) {
    case CommentStatus::kPending:
      return "pending";
    case CommentStatus::kApproved:
      return "approved";
    case CommentStatus::kSpam:
      return "spam";
    case CommentStatus::kTrash:
      return "trash";
  }
  return "pending";
}

std::optional<CommentStatus> ParseCommentStatus(std::string_view s) {
  for (auto st : {CommentStatus::kPending, CommentStatus::kApproved, CommentStatus::kSpam, CommentStatus::kTrash})
    if (s == ToString(st)) return st;
  return std::nullopt;
}

}  // namespace gazette::comments
