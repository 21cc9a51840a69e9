// `gazette privacy export|erase EMAIL`: the personal-data tools (as WordPress's Tools > Privacy).
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/site.h"
#include "cli/commands.h"

namespace gazette::cli {
namespace {

struct PrivacyOptions {
  std::string db, email;
  bool remove_text = false;
  bool yes = false;
};

nlohmann::json CommentJson(const comments::Comment& c) {
  return {{"id", c.id},
          {"article_id", c.article_id},
          {"parent_id", c.parent_id ? nlohmann::json(*c.parent_id) : nlohmann::json(nullptr)},
          {"name", c.name},
          {"email", c.email},
          {"website", c.website},
          {"body", c.body},
          {"status", comments::ToString(c.status)},
          {"created_at", FormatIso8601(c.created_at)},
          {"ip", c.ip},
          {"user_agent", c.user_agent}};
}

int RunExport(const PrivacyOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto list = site->comment_store().ListByEmail(o.email);
  if (!list) return Fail(list.error().message);
  nlohmann::json out = {{"email", o.email}, {"exported_at", FormatIso8601(site->clock().Now())}};
  out["comments"] = nlohmann::json::array();
  for (const auto& c : *list) {
    nlohmann::json j = CommentJson(c);
    if (auto a = site->articles().Get(c.article_id)) j["article_title"] = a->title;
    out["comments"].push_back(std::move(j));
  }
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

int RunErase(const PrivacyOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto n = site->comment_store().EraseByEmail(o.email, o.remove_text);
  if (!n) return Fail(n.error().message);
  std::cout << (o.remove_text ? "Removed " : "Anonymised ") << *n << (*n == 1 ? " comment" : " comments")
            << " by that email address.\n";
  return 0;
}

}  // namespace

void AddPrivacy(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("privacy", "Export or erase a commenter's personal data");
  group->require_subcommand(1);
  auto o = std::make_shared<PrivacyOptions>();
  auto* exp = group->add_subcommand("export", "Print every comment and datum for an email address, as JSON");
  exp->add_option("email", o->email, "The commenter's email address")->required();
  AddDbOption(*exp, o->db);
  exp->callback([o, exit_code] { *exit_code = RunExport(*o); });
  auto* erase = group->add_subcommand(
      "erase", "Anonymise an email address's comments: name Anonymous, no email, website, IP or user agent");
  erase->add_option("email", o->email, "The commenter's email address")->required();
  erase->add_flag("--remove-text", o->remove_text, "Delete the comments themselves too (replies move up a level)");
  AddDbOption(*erase, o->db);
  erase->callback([o, exit_code] { *exit_code = RunErase(*o); });
}

}  // namespace gazette::cli
