// CommentService: every comment passes here, whichever door it came through.
#include "comments/comment_service.h"

#include "comments/comment_validation.h"
#include "comments/moderation.h"
#include "common/text.h"

namespace gazette::comments {

SubmitResult CommentService::Submit(const CommentForm& form, const SubmissionMeta& meta) {
  SubmitResult result;
  result.errors = ValidateCommentForm(form);
  if (!result.errors.empty()) return result;
  auto article = articles_.FindById(form.article_id);
  if (!article && article.error().code != ErrorCode::kNotFound) {
    result.errors.push_back(article.error());
    return result;
  }
  auto settings = Settings();
  if (!settings) {
    result.errors.push_back(settings.error());
    return result;
  }
  if (!article) {
    result.errors.push_back(Error::NotFound("This article does not exist or is not published."));
    return result;
  }
  return Submit(*article, *settings, form, meta);
}

SubmitResult CommentService::Submit(const content::Article& article, const CommentSettings& settings,
                                    const CommentForm& form, const SubmissionMeta& meta) {
  SubmitResult result;
  auto fail = [&result](Error e) {
    result.errors.push_back(std::move(e));
    return result;
  };
  result.errors = ValidateCommentForm(form);
  if (!result.errors.empty()) return result;
  if (article.id != form.article_id || !article.IsPublished())
    return fail(Error::NotFound("This article does not exist or is not published."));
  auto open = IsOpen(article, settings);
  if (!open) return fail(open.error());
  if (!*open) return fail({ErrorCode::kPermissionDenied, "Comments are closed on this article.", {}});
  if (auto e = CheckParent(form)) return fail(std::move(*e));

  Comment c = Draft(form, meta);
  auto duplicate = comments_.IsDuplicate(c.article_id, c.email, c.body);
  if (!duplicate) return fail(duplicate.error());
  if (*duplicate)
    return fail(
        Error::Conflict("You have already posted this comment here. It looks as though you said that already!"));
  if (int wait = RateLimited(c, settings); wait > 0) {
    result.retry_after = wait;
    return fail(Error::Unavailable("You are posting comments too quickly. Please wait " + std::to_string(wait) +
                                   " seconds and send your comment again; your text is kept below."));
  }
  if (auto st = Decide(c, meta, settings); !st) return fail(st.error());
  auto stored = comments_.Insert(c);
  if (!stored) return fail(stored.error());
  result.comment = std::move(*stored);
  for (const auto& l : listeners_) l(*result.comment);
  return result;
}

std::optional<Error> CommentService::CheckParent(const CommentForm& form) const {
  if (!form.parent_id) return std::nullopt;
  auto parent = comments_.FindById(*form.parent_id);
  if (!parent || parent->article_id != form.article_id || parent->status != CommentStatus::kApproved)
    return Error::Invalid("You can only reply to a published comment on this article.", "parent");
  return std::nullopt;
}

Comment CommentService::Draft(const CommentForm& form, const SubmissionMeta& meta) const {
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
  return c;
}

// The moderation rules, given what the repository and the filter know about this comment.
Status CommentService::Decide(Comment& c, const SubmissionMeta& meta, const CommentSettings& s) const {
  ModerationFacts facts;
  auto known = comments_.HasApprovedFrom(c.email);
  if (!known) return known.error();
  facts.author_has_approved_comment = *known;
  if (meta.token_issued_at) facts.token_age = c.created_at - *meta.token_issued_at;
  facts.honeypot_filled = meta.honeypot_filled;
  auto score = spam_.Score(c, s.spam_min_training);
  if (!score) return score.error();
  facts.spam_probability = *score;
  c.spam_score = *score;
  const Verdict v = Moderate(c, facts, s);
  c.status = v.status;
  c.moderation_reason = v.reason;
  return Status::Ok();
}

int CommentService::RateLimited(const Comment& c, const CommentSettings& s) {
  const double now = static_cast<double>(clock_.NowMs()) / 1000;
  std::vector<RateLimit> limits = {{"ip:" + c.ip, s.rate_ip_per_minute, 60},
                                   {"ip:" + c.ip, s.rate_ip_per_hour, 3600},
                                   {"email:" + text::AsciiLower(c.email), s.rate_email_per_hour, 3600}};
  return limiter_.Take(limits, now).value_or(0);
}

Status CommentService::SetStatus(CommentId id, CommentStatus status, const std::string& actor) {
  auto before = comments_.FindById(id);
  if (!before) return before.error();
  auto st = comments_.SetStatus(id, status);
  if (!st) return st;
  const char* action = status == CommentStatus::kApproved ? "approve"
                       : status == CommentStatus::kSpam   ? "spam"
                       : status == CommentStatus::kTrash  ? "trash"
                                                          : "pending";
  if (auto r = comments_.RecordAction(
          {id, action, ToString(before->status), actor.empty() ? "unknown" : actor, clock_.Now()});
      !r)
    return r;
  if (status == CommentStatus::kApproved || status == CommentStatus::kSpam)
    if (auto r = spam_.Learn(*before, status == CommentStatus::kSpam); !r) return r;
  auto comment = comments_.FindById(id);
  if (comment)
    for (const auto& l : listeners_) l(*comment);
  return st;
}

Result<Comment> CommentService::ReplyAsStaff(CommentId parent_id, CommentForm form, const std::string& actor) {
  auto parent = comments_.FindById(parent_id);
  if (!parent) return parent.error();
  if (parent->status != CommentStatus::kApproved && parent->status != CommentStatus::kPending)
    return Error::Invalid("This comment is in " + std::string(ToString(parent->status)) +
                          "; restore it before replying to it.");
  auto article = articles_.FindById(parent->article_id);
  if (!article || !article->IsPublished()) return Error::NotFound("This comment's article is not published.");
  form.article_id = parent->article_id;
  form.parent_id = parent->id;
  if (auto errors = ValidateCommentForm(form); !errors.empty()) return errors.front();
  if (parent->status == CommentStatus::kPending)
    if (auto st = SetStatus(parent->id, CommentStatus::kApproved, actor); !st) return st.error();
  Comment c = Draft(form, SubmissionMeta{});
  c.status = CommentStatus::kApproved;
  auto stored = comments_.Insert(c);
  if (!stored) return stored.error();
  if (auto r = comments_.RecordAction({stored->id, "reply", "", actor.empty() ? "unknown" : actor, clock_.Now()}); !r)
    return r.error();
  for (const auto& l : listeners_) l(*stored);
  return stored;
}

Status CommentService::Restore(CommentId id, const std::string& actor) {
  auto c = comments_.FindById(id);
  if (!c) return c.error();
  if (c->status != CommentStatus::kTrash && c->status != CommentStatus::kSpam)
    return Error::Invalid("Only comments in the trash or marked spam can be restored.");
  auto log = comments_.Actions(id);
  if (!log) return log.error();
  CommentStatus target = CommentStatus::kPending;
  for (auto it = log->rbegin(); it != log->rend(); ++it) {
    auto from = ParseCommentStatus(it->from_status);
    if (from && *from != CommentStatus::kTrash && *from != CommentStatus::kSpam) {
      target = *from;
      break;
    }
  }
  if (auto st = comments_.SetStatus(id, target); !st) return st;
  if (auto r =
          comments_.RecordAction({id, "restore", ToString(c->status), actor.empty() ? "unknown" : actor, clock_.Now()});
      !r)
    return r;
  if (target == CommentStatus::kApproved)
    if (auto r = spam_.Learn(*c, false); !r) return r;
  auto comment = comments_.FindById(id);
  if (comment)
    for (const auto& l : listeners_) l(*comment);
  return Status::Ok();
}

Result<bool> CommentService::IsOpen(const content::Article& article) const {
  auto s = Settings();
  if (!s) return s.error();
  return IsOpen(article, *s);
}

Result<bool> CommentService::IsOpen(const content::Article& article, const CommentSettings& s) const {
  if (article.IsPage()) return false;  // a page shows no comments, so takes none
  // The editor's explicit open or closed wins over the site's rules either way (so an article can
  // be reopened on a site closed by default); with no choice the site's rules decide.
  auto choice = comments_.Commenting(article.id);
  if (!choice) return choice.error();
  return CommentsOpen(*choice, s, article.published_at, clock_.Now());
}

}  // namespace gazette::comments
