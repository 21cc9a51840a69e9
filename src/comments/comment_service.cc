// CommentService: every comment passes here, whichever door it came through.
#include "comments/comment_service.h"

#include "comments/comment_validation.h"
#include "common/text.h"

namespace gazette::comments {

SubmitResult CommentService::Submit(const CommentForm& form, const SubmissionMeta& meta) {
  SubmitResult result;
  result.errors = ValidateCommentForm(form);
  if (!result.errors.empty()) return result;

  auto article = articles_.FindById(form.article_id);
  if (!article || !article->IsPublished()) {
    result.errors.push_back(Error::NotFound("This article does not exist or is not published."));
    return result;
  }
  if (form.parent_id) {
    auto parent = comments_.FindById(*form.parent_id);
    if (!parent || parent->article_id != form.article_id || parent->status != CommentStatus::kApproved) {
      result.errors.push_back(Error::Invalid("You can only reply to a published comment on this article.", "parent"));
      return result;
    }
  }
  Comment c;
  c.article_id = form.article_id;
  c.parent_id = form.parent_id;
  c.body = std::string(text::Trim(form.comment));
  c.name = text::CollapseWhitespace(form.name);
  c.email = std::string(text::Trim(form.email));
  c.website = std::string(text::Trim(form.website));
  c.status = CommentStatus::kPending;
  c.created_at = clock_.Now();
  c.ip = meta.ip;
  c.user_agent = text::SanitizeUtf8(meta.user_agent.substr(0, 512));
  auto stored = comments_.Insert(c);
  if (!stored) {
    result.errors.push_back(stored.error());
    return result;
  }
  result.comment = std::move(*stored);
  for (const auto& l : listeners_) l(*result.comment);
  return result;
}

Status CommentService::SetStatus(CommentId id, CommentStatus status) {
  auto st = comments_.SetStatus(id, status);
  if (!st) return st;
  auto comment = comments_.FindById(id);
  if (comment)
    for (const auto& l : listeners_) l(*comment);
  return st;
}

}  // namespace gazette::comments
