// AuthorPages: the authors' profiles (/admin/authors/...): their biography and photo, shown on
// their author pages. Editors and administrators change anyone's; others their own (the author
// whose slug their name makes).
#pragma once

#include <string>

#include "admin/page_kit.h"
#include "content/article_service.h"
#include "http/message.h"
#include "media/media_service.h"

namespace gazette::admin {

class AuthorPages {
 public:
  // The services must outlive this.
  AuthorPages(PageKit kit, content::ArticleService& articles, const media::MediaService& media)
      : kit_(kit), articles_(articles), media_(media) {}

  // Every author of a published article, with their count and a link to their profile.
  http::Response AuthorsPage(const Visitor& v) const;
  // GET /admin/authors/SLUG: the profile form; POST saves it (a refusal keeps what was typed).
  http::Response EditPage(const Visitor& v, const std::string& slug) const;
  http::Response PostProfile(const Visitor& v, const std::string& slug, const Form& form) const;

 private:
  http::Response Form(const Visitor& v, const content::AuthorProfile& author, const std::string& bio,
                      const std::string& photo, const std::string& notice, const std::string& error,
                      int status) const;
  static bool MayEdit(const Visitor& v, const content::AuthorProfile& author);

  PageKit kit_;
  content::ArticleService& articles_;
  const media::MediaService& media_;
};

}  // namespace gazette::admin
