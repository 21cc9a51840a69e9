// A WordPress export (WXR 1.2) of the whole site, as WordPress's own importer reads it: the
// authors, the sections as categories, the tags, every article with its comments (threaded),
// the static pages (post type "page", nested by their path) and the featured images as
// attachments.
#pragma once

#include <ostream>
#include <vector>

#include "accounts/user.h"
#include "comments/comment_repository.h"
#include "common/result.h"
#include "common/time.h"
#include "content/article_repository.h"
#include "content/editorial_repository.h"
#include "content/site_settings.h"
#include "media/media.h"

namespace gazette::exports {

struct WxrSources {
  const content::SiteSettings& site;
  const content::ArticleRepository& articles;
  const comments::CommentRepository& comments;
  const media::MediaRepository& media;
  const content::EditorialRepository& editorial;  // schedules and the trash
  // The newsroom's accounts: an author whose name is a user's gets that user's e-mail.
  std::vector<accounts::User> users;
  UnixTime now = 0;  // an article published after it is "future" (scheduled)
};

struct WxrCounts {
  int authors = 0, categories = 0, tags = 0, posts = 0, pages = 0, attachments = 0, comments = 0;
};

// Writes the export to `out` one item at a time (the document is never held whole). Returns what
// it wrote; the repositories' errors as they are, kUnavailable when `out` fails.
Result<WxrCounts> WriteWxr(const WxrSources& sources, std::ostream& out);

}  // namespace gazette::exports
