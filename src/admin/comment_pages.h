// CommentPages: the moderation queue and staff replies (/admin/comments/...); moderators only.
#pragma once

#include <string>
#include <string_view>

#include "admin/page_kit.h"
#include "comments/comment_service.h"
#include "content/article_service.h"
#include "content/live_settings.h"
#include "http/message.h"

namespace gazette::admin {

class CommentPages {
 public:
  // The services must outlive this.
  CommentPages(PageKit kit, const content::LiveSettings& site, comments::CommentService& comments,
               content::ArticleService& articles)
      : kit_(kit), site_(site), comments_(comments), articles_(articles) {}

  // The comments of the query's status tab (pending by default), each with its article.
  http::Response CommentsPage(const http::Request& req, const Visitor& v, const std::string& notice) const;
  // One row's action ("one" = "ID:action") or `action` for every ticked `ids`; back to the tab.
  http::Response PostCommentsBulk(const Visitor& v, const Form& form) const;
  // Replies to comment `id` (its id as in the path) as the signed-in user; back to the tab.
  http::Response PostCommentReply(const Visitor& v, std::string_view id, const Form& form) const;

 private:
  PageKit kit_;
  const content::LiveSettings& site_;
  comments::CommentService& comments_;
  content::ArticleService& articles_;
};

}  // namespace gazette::admin
