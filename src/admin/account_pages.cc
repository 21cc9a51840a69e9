// The dashboard and the signed-in user's own account: password, sessions and API tokens.
#include "admin/account_pages.h"

#include "common/time.h"
#include "http/errors.h"

namespace gazette::admin {

http::Response AccountPages::Dashboard(const Visitor& v) const {
  ViewData page;
  auto counts = editorial_.Counts();
  if (!counts) return kit_.ErrorPage(counts.error(), &v);
  page.set("drafts", std::to_string(counts->drafts));
  page.set("scheduled", std::to_string(counts->scheduled));
  page.set("published", std::to_string(counts->published));
  page.set("trash", std::to_string(counts->trash));
  auto pending = comments_.List(comments::CommentStatus::kPending);
  page.set("pending", pending ? std::to_string(pending->size()) : std::string("?"));
  page.set("name", v.user.name);
  if (accounts::CanModerateComments(v.user)) page.set("can_moderate", true);
  return kit_.Page(200, "dashboard", "Dashboard", page, &v);
}

http::Response AccountPages::AccountPage(const Visitor& v, const std::string& notice, const std::string& error,
                                         int status) const {
  ViewData page;
  page.set("email", v.user.email);
  page.set("name", v.user.name);
  page.set("role", accounts::ToString(v.user.role));
  if (!notice.empty()) page.set("notice", notice);
  if (!error.empty()) page.set("error", error);
  ViewData sessions{ViewData::type::list};
  if (auto list = accounts_.Sessions(v.user.id)) {
    for (const auto& s : *list) {
      ViewData row;
      row.set("id", std::to_string(s.id));
      row.set("ip", s.ip);
      row.set("user_agent", s.user_agent);
      row.set("last_seen", FormatIso8601(s.last_seen_at));
      if (s.id == v.session.id) row.set("current", true);
      sessions.push_back(row);
    }
  }
  page.set("sessions", sessions);
  ViewData tokens{ViewData::type::list};
  if (auto list = accounts_.ApiTokens(v.user.id)) {
    for (const auto& t : *list) {
      ViewData row;
      row.set("id", std::to_string(t.id));
      row.set("name", t.name);
      row.set("created", FormatIso8601(t.created_at));
      tokens.push_back(row);
    }
  }
  page.set("tokens", tokens);
  return kit_.Page(status, "account", "Your account", page, &v);
}

http::Response AccountPages::PostPassword(const Visitor& v, const Form& form) const {
  if (FormValue(form, "new_password") != FormValue(form, "confirm_password"))
    return AccountPage(v, "", "The two new passwords differ.", 422);
  auto st = accounts_.ChangePassword(v.user.id, FormValue(form, "current_password"), FormValue(form, "new_password"),
                                     v.session.id);
  if (!st) return AccountPage(v, "", st.error().message, http::StatusFor(st.error().code));
  return AccountPage(v, "Your password was changed and your other sessions were signed out.", "");
}

http::Response AccountPages::PostRevokeSession(const Visitor& v, const Form& form) const {
  auto id = ParseId(FormValue(form, "session"));
  if (!id) return AccountPage(v, "", "Which session?", 422);
  if (auto st = accounts_.RevokeSession(v.user.id, *id); !st) return AccountPage(v, "", st.error().message, 404);
  if (*id == v.session.id) return SeeOther("/admin/login");
  return SeeOther("/admin/account");
}

http::Response AccountPages::PostCreateToken(const Visitor& v, const Form& form) const {
  auto token = accounts_.CreateApiToken(v.user.id, FormValue(form, "name"));
  if (!token) return AccountPage(v, "", token.error().message, http::StatusFor(token.error().code));
  return AccountPage(v, "Your new API token (shown once, copy it now): " + *token, "");
}

}  // namespace gazette::admin
