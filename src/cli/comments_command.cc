// `gazette comments list|approve|spam|trash`.
#include <nlohmann/json.hpp>

#include <charconv>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"

namespace gazette::cli {
namespace {

struct CommentOptions {
  std::string db;
  std::string status;
  std::string format = "text";
  comments::CommentId id = 0;
};

int RunList(const CommentOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  std::optional<comments::CommentStatus> status;
  if (!o.status.empty()) {
    status = comments::ParseCommentStatus(o.status);
    if (!status) return Fail("--status is pending, approved, spam or trash");
  }
  auto list = site->comments().List(status);
  if (!list) return Fail(list.error().message);
  for (const auto& c : *list) {
    // The email address is private: operators' listings leave it out too.
    if (o.format == "json") {
      nlohmann::json j = {{"id", c.id},
                          {"article_id", c.article_id},
                          {"parent_id", c.parent_id ? nlohmann::json(*c.parent_id) : nlohmann::json(nullptr)},
                          {"name", c.name},
                          {"website", c.website},
                          {"body", c.body},
                          {"status", comments::ToString(c.status)},
                          {"created_at", FormatIso8601(c.created_at)}};
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << c.id << "\t" << comments::ToString(c.status) << "\tarticle " << c.article_id << "\t" << c.name << "\n";
    }
  }
  return 0;
}

int RunSetStatus(const CommentOptions& o, comments::CommentStatus status) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  if (auto st = site->comments().SetStatus(o.id, status); !st) return Fail(st.error().message);
  std::cout << "Comment " << o.id << " is now " << comments::ToString(status) << "\n";
  return 0;
}

}  // namespace

void AddComments(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("comments", "List and moderate comments");
  group->require_subcommand(1);
  auto o = std::make_shared<CommentOptions>();
  auto* list = group->add_subcommand("list", "List comments, newest first");
  AddDbOption(*list, o->db);
  list->add_option("--status", o->status, "pending, approved, spam or trash");
  list->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  for (auto status : {comments::CommentStatus::kApproved, comments::CommentStatus::kSpam, comments::CommentStatus::kTrash}) {
    const std::string name = status == comments::CommentStatus::kApproved ? "approve"
                             : status == comments::CommentStatus::kSpam   ? "spam"
                                                                          : "trash";
    auto* cmd = group->add_subcommand(name, "Mark a comment " + std::string(comments::ToString(status)));
    cmd->add_option("id", o->id, "Comment id")->required();
    AddDbOption(*cmd, o->db);
    cmd->callback([o, exit_code, status] { *exit_code = RunSetStatus(*o, status); });
  }
}

}  // namespace gazette::cli
