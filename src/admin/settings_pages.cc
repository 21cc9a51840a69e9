// Site settings: title, description, address, permalinks, page size, comments by default, what
// search engines and link previews are told (publisher, logo, default image, robots.txt), feeds
// and sections.
// Administrators only.
#include "admin/settings_pages.h"

#include "common/text.h"
#include "content/sections.h"
#include "content/site_settings.h"
#include "http/errors.h"

namespace gazette::admin {

http::Response SettingsPages::SettingsPage(const Visitor& v, const content::SiteSettings& s, const std::string& notice,
                                           const std::string& error, int status,
                                           std::optional<std::string> typed_footer_menu) const {
  if (!accounts::CanManageUsers(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Only administrators change the site's settings.", &v);
  ViewData page;
  page.set("title", s.title);
  page.set("description", s.description);
  page.set("url", s.url);
  page.set("permalink", s.permalink);
  page.set("page_size", std::to_string(s.page_size));
  page.set("publisher_name", s.publisher_name);
  page.set("publisher_logo", s.publisher_logo);
  page.set("default_image", s.default_image);
  page.set("feed_items", std::to_string(s.feed_items));
  if (s.feed_full_content) page.set("feed_full_content", true);
  page.set("websub_hub", s.websub_hub);
  std::string sections;
  for (const auto& t : s.sections) sections += (sections.empty() ? "" : ", ") + t.name;
  page.set("sections", sections);
  page.set("footer_menu", typed_footer_menu ? *typed_footer_menu : content::FormatFooterMenu(s.footer_menu));
  auto comments = comments_.Settings();
  page.set(comments && comments->closed_by_default ? "comments_closed" : "comments_open", true);
  page.set("robots_txt", s.robots_txt);
  if (!notice.empty()) page.set("notice", notice);
  if (!error.empty()) page.set("error", error);
  return kit_.Page(status, "settings", "Settings", page, &v);
}

http::Response SettingsPages::ShowSettings(const Visitor& v) const {
  auto s = content::LoadSiteSettings(settings_store_);
  if (!s) return kit_.ErrorPage(s.error(), &v);
  return SettingsPage(v, *s, "", "", 200);
}

http::Response SettingsPages::PostSettings(const Visitor& v, const Form& form) const {
  if (!accounts::CanManageUsers(v.user))
    return kit_.ErrorPage(403, "Not allowed", "Only administrators change the site's settings.", &v);
  auto current = content::LoadSiteSettings(settings_store_);
  if (!current) return kit_.ErrorPage(current.error(), &v);
  content::SiteSettings s = *current;
  s.title = text::CollapseWhitespace(FormValue(form, "title"));
  s.description = text::CollapseWhitespace(FormValue(form, "description"));
  s.url = std::string(text::Trim(FormValue(form, "url")));
  while (s.url.ends_with('/')) s.url.pop_back();
  s.permalink = std::string(text::Trim(FormValue(form, "permalink")));
  auto size = content::ParsePageSize(FormValue(form, "page_size"));
  if (!size) return SettingsPage(v, s, "", "The page size is a number from 1 to 100.", 422);
  s.page_size = *size;
  s.publisher_name = text::CollapseWhitespace(FormValue(form, "publisher_name"));
  s.publisher_logo = std::string(text::Trim(FormValue(form, "publisher_logo")));
  s.default_image = std::string(text::Trim(FormValue(form, "default_image")));
  // A form without the field (an older page still open in a tab) keeps the stored robots.txt.
  if (form.contains("robots_txt")) s.robots_txt = FormValue(form, "robots_txt");
  // The feed and section fields: a form without them (an older page, a script) keeps their values.
  if (FormValue(form, "feed_fields") == "1") {
    auto feed_items = content::ParseFeedItems(FormValue(form, "feed_items"));
    if (!feed_items) return SettingsPage(v, s, "", "Feeds list from 1 to 100 articles.", 422);
    s.feed_items = *feed_items;
    s.feed_full_content = FormValue(form, "feed_full_content") == "on";
    s.websub_hub = std::string(text::Trim(FormValue(form, "websub_hub")));
    auto sections = content::ResolveSections(articles_, text::SplitTrimmed(FormValue(form, "sections"), ','));
    if (!sections) return SettingsPage(v, s, "", sections.error().message, http::StatusFor(sections.error().code));
    s.sections = std::move(*sections);
  }
  // Like robots.txt: a form without the field keeps the stored menu.
  if (form.contains("footer_menu")) {
    const std::string typed = FormValue(form, "footer_menu");
    auto menu = content::ParseFooterMenu(typed);
    if (!menu) return SettingsPage(v, s, "", menu.error().message, 422, typed);  // shown again as typed
    s.footer_menu = std::move(*menu);
  }
  if (s.title.empty() || !text::IsValidUtf8(s.title) || !text::IsValidUtf8(s.description) ||
      !text::IsValidUtf8(s.publisher_name))
    return SettingsPage(v, s, "", "The site needs a title.", 422);
  if (auto st = content::SaveSiteSettings(settings_store_, s); !st)
    return SettingsPage(v, s, "", st.error().message, http::StatusFor(st.error().code));
  const std::string comments = FormValue(form, "comments_default");
  if (comments == "open" || comments == "closed")
    if (auto st = settings_store_.Set("comments.closed_by_default", comments == "closed" ? "true" : "false"); !st)
      return SettingsPage(v, s, "", st.error().message, http::StatusFor(st.error().code));
  // The pages follow at once: this server reloads now, others (and the page cache) through the
  // change log.
  if (auto st = site_.Reload(); !st)
    return SettingsPage(v, s, "", st.error().message, http::StatusFor(st.error().code));
  return SettingsPage(v, s, "Saved. The site shows the new settings now.", "", 200);
}

}  // namespace gazette::admin
