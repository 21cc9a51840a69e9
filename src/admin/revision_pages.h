// RevisionPages: an article's earlier versions, what changed since each, and restoring one
// (/admin/articles/{id}/revisions/...).
#pragma once

#include <cstdint>
#include <optional>

#include "admin/page_kit.h"
#include "content/editorial_service.h"
#include "http/message.h"

namespace gazette::admin {

class RevisionPages {
 public:
  // `editorial` must outlive this.
  RevisionPages(PageKit kit, content::EditorialService& editorial) : kit_(kit), editorial_(editorial) {}

  // The list of revisions of article `id`, or (with `revision`) the diff from that one to now.
  // 404 for an unknown article or revision, 403 if the role may not edit the article.
  http::Response RevisionsPage(const Visitor& v, content::ArticleId id, std::optional<std::int64_t> revision) const;
  // Makes revision `revision` the article's text again (as a new revision) and redirects to the editor.
  http::Response PostRestoreRevision(const Visitor& v, content::ArticleId id, std::int64_t revision) const;

 private:
  PageKit kit_;
  content::EditorialService& editorial_;
};

}  // namespace gazette::admin
