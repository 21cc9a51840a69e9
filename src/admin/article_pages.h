// ArticlePages: the articles list, the editor, its preview and the trash (/admin/articles/...),
// and the same for static pages: their list (/admin/pages/) and a new page (/admin/pages/new);
// a page is then edited, revised and trashed at /admin/articles/{id}/... like an article. Every
// save goes through newsroom::ArticleDesk, which checks the role rules again.
#pragma once

#include <optional>
#include <string>

#include "admin/page_kit.h"
#include "comments/comment_service.h"
#include "content/editorial_service.h"
#include "content/live_settings.h"
#include "http/message.h"
#include "media/media_service.h"
#include "newsroom/article_desk.h"

namespace gazette::admin {

// The editor form as posted (and as shown again after a refusal or a preview).
struct EditorForm {
  std::string title, markdown, excerpt, tags, primary_tag, slug, author, status, publish_at, action;
  std::string featured_media;  // a media id; "0" or "": none
  std::string featured_alt, featured_caption;
  std::string comments;    // "default", "open", "closed"; "": unchanged
  std::string correction;  // a correction note to add to a published article; "": none
};

class ArticlePages {
 public:
  // The services must outlive this.
  ArticlePages(PageKit kit, const content::LiveSettings& site, content::EditorialService& editorial,
               newsroom::ArticleDesk& desk, comments::CommentService& comments, media::MediaService& media)
      : kit_(kit), site_(site), editorial_(editorial), desk_(desk), comments_(comments), media_(media) {}

  // The list of articles or pages, filtered by the query's status, tag, author and q.
  http::Response ArticleList(const http::Request& req, const Visitor& v,
                             content::ArticleKind kind = content::ArticleKind::kArticle) const;
  // An empty editor for a new article or page.
  http::Response NewArticle(const Visitor& v, content::ArticleKind kind = content::ArticleKind::kArticle) const;
  // The editor for article `id` (404 if there is none, 403 if the role may not edit it).
  http::Response EditPage(const http::Request& req, const Visitor& v, content::ArticleId id) const;
  // Saves the form as article `id` (or a new one) and redirects to its editor; a refusal shows
  // the form again with what was typed. The "preview" action renders it and saves nothing.
  // A new one is of `kind`; an existing one keeps its own.
  http::Response PostEditor(const Visitor& v, const Form& form, std::optional<content::ArticleId> id,
                            content::ArticleKind kind = content::ArticleKind::kArticle) const;
  // Moves article `id` to the trash, or (`restore`) back out of it.
  http::Response PostTrash(const Visitor& v, content::ArticleId id, bool restore) const;
  // The posted Markdown as HTML, for admin.js's as-you-type preview.
  http::Response PostPreview(const Form& form) const;

 private:
  http::Response Editor(const Visitor& v, const content::EditorialArticle* e, const EditorForm& f,
                        const std::string& error, const std::string& notice, bool preview, int status,
                        content::ArticleKind kind = content::ArticleKind::kArticle) const;
  // The media library offered as featured image, `selected` (a media id) checked.
  ViewData FeaturedChoices(const std::string& selected) const;
  static std::optional<content::FeaturedImage> FeaturedFromForm(const EditorForm& f);
  static newsroom::ArticleSubmission SubmissionFromForm(const Visitor& v, const EditorForm& f,
                                                        const content::EditorialArticle* current,
                                                        content::ArticleKind kind);

  PageKit kit_;
  const content::LiveSettings& site_;
  content::EditorialService& editorial_;
  newsroom::ArticleDesk& desk_;
  comments::CommentService& comments_;
  media::MediaService& media_;
};

}  // namespace gazette::admin
