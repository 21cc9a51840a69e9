// ArticleDesk: the newsroom's actions on an article, each one use case. It checks the role rules
// (accounts/user.h) and runs every write of an action in one unit of work, so that an action
// refused or failing half-way leaves nothing saved. The admin pages and the Admin API only
// translate their forms and JSON into these calls.
#pragma once

#include <optional>

#include "accounts/user.h"
#include "comments/comment_repository.h"
#include "comments/commenting.h"
#include "common/result.h"
#include "common/time.h"
#include "common/unit_of_work.h"
#include "content/editorial_service.h"
#include "media/media.h"

namespace gazette::newsroom {

// One save of the editor (the admin's form, the API's POST or PATCH).
struct ArticleSubmission {
  std::optional<content::ArticleId> id;  // none: a new article (or page, by `kind`)
  content::ArticleKind kind = content::ArticleKind::kArticle;  // of a new one; an article's never changes
  // Absent fields are kept; a new article's byline defaults to the user's name. A featured
  // image's empty description takes the one given at upload.
  content::ArticleChanges changes;
  std::optional<comments::ArticleCommenting> commenting;  // none: unchanged
  std::optional<content::EditorialState> state;           // none: unchanged; never kTrash
  UnixTime publish_at = 0;                                // when state is kScheduled
};

class ArticleDesk {
 public:
  // REQUIRES: everything outlives the desk.
  ArticleDesk(content::EditorialService& editorial, comments::CommentRepository& comments,
              const media::MediaRepository& media, UnitOfWork& unit)
      : editorial_(editorial), comments_(comments), media_(media), unit_(unit) {}

  // Saves the text, tags, featured image, comments choice and state together; returns the
  // article's id. kPermissionDenied (the role rules), kNotFound (also for an id of another kind
  // than submission.kind), kInvalidArgument naming the
  // field (a scheduled time not in the future: "publish_at"), kConflict (the slug).
  Result<content::ArticleId> Save(const accounts::User& by, const ArticleSubmission& submission);

  // The state changes on their own, with the same role rules.
  Status Publish(const accounts::User& by, content::ArticleId id);
  Status Schedule(const accounts::User& by, content::ArticleId id, UnixTime at);
  Status Unpublish(const accounts::User& by, content::ArticleId id);
  Status Trash(const accounts::User& by, content::ArticleId id);
  Status Restore(const accounts::User& by, content::ArticleId id);

 private:
  // The role rules of a save, checked before anything is written.
  Status CheckSave(const accounts::User& by, const ArticleSubmission& s,
                   const std::optional<content::EditorialArticle>& current) const;
  Status ResolveFeatured(std::optional<content::FeaturedImage>& image) const;
  Status WriteSave(const accounts::User& by, const ArticleSubmission& s,
                   const std::optional<content::EditorialArticle>& current, content::ArticleId& id);
  Status ApplyState(content::ArticleId id, content::EditorialState state, UnixTime publish_at);
  Result<content::EditorialArticle> Publishable(const accounts::User& by, content::ArticleId id) const;

  content::EditorialService& editorial_;
  comments::CommentRepository& comments_;
  const media::MediaRepository& media_;
  UnitOfWork& unit_;
};

// Whether saving `s` over `current` (none: a new article) changes the article's state, which
// needs the right to publish: any state but a draft for a new article; another state, or another
// scheduled time, for an existing one.
bool ChangesState(const ArticleSubmission& s, const std::optional<content::EditorialArticle>& current);

}  // namespace gazette::newsroom
