// SettingsPages: the site's settings (/admin/settings); administrators only.
#pragma once

#include <optional>
#include <string>

#include "admin/page_kit.h"
#include "comments/comment_service.h"
#include "content/article_service.h"
#include "content/live_settings.h"
#include "content/site_settings.h"
#include "http/message.h"

namespace gazette::admin {

class SettingsPages {
 public:
  // `site` is reloaded after a save, so this server shows the new settings at once. The
  // references must outlive this.
  SettingsPages(PageKit kit, content::LiveSettings& site, comments::CommentService& comments,
                content::SettingsRepository& settings_store, const content::ArticleService& articles)
      : kit_(kit), site_(site), comments_(comments), settings_store_(settings_store), articles_(articles) {}

  // The settings as stored.
  http::Response ShowSettings(const Visitor& v) const;
  // Checks and saves the form; a refusal (422) shows the form again with what was typed.
  http::Response PostSettings(const Visitor& v, const Form& form) const;

 private:
  http::Response SettingsPage(const Visitor& v, const content::SiteSettings& s, const std::string& notice,
                              const std::string& error, int status,
                              std::optional<std::string> typed_footer_menu = std::nullopt) const;

  PageKit kit_;
  content::LiveSettings& site_;
  comments::CommentService& comments_;
  content::SettingsRepository& settings_store_;
  const content::ArticleService& articles_;  // sections are tags
};

}  // namespace gazette::admin
