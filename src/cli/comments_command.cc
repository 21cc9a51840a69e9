// `gazette comments list|approve|spam|trash|restore|log|open|close|default|spam-eval`.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "app/site.h"
#include "cli/commands.h"
#include "cli/csv.h"
#include "comments/spam_evaluation.h"

namespace gazette::cli {
namespace {

struct CommentOptions {
  std::string db;
  std::string status;
  std::string format = "text";
  std::string by;
  std::string article;
  std::string corpus;
  int folds = 10;
  double threshold = 0.5;
  unsigned seed = 1;
  comments::CommentId id = 0;
};

// Who did it: --by, else "cli:" and the login name.
std::string Actor(const CommentOptions& o) {
  if (!o.by.empty()) return o.by;
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : "unknown");
}

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
                          {"created_at", FormatIso8601(c.created_at)},
                          {"reason", c.moderation_reason},
                          {"spam_score", c.spam_score ? nlohmann::json(*c.spam_score) : nlohmann::json(nullptr)}};
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << c.id << "\t" << comments::ToString(c.status) << "\tarticle " << c.article_id << "\t" << c.name;
      if (!c.moderation_reason.empty()) std::cout << "\t(" << c.moderation_reason << ")";
      std::cout << "\n";
    }
  }
  return 0;
}

int RunSetStatus(const CommentOptions& o, comments::CommentStatus status) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  if (auto st = site->comments().SetStatus(o.id, status, Actor(o)); !st) return Fail(st.error().message);
  std::cout << "Comment " << o.id << " is now " << comments::ToString(status) << "\n";
  return 0;
}

int RunRestore(const CommentOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  if (auto st = site->comments().Restore(o.id, Actor(o)); !st) return Fail(st.error().message);
  auto c = site->comments().repository().FindById(o.id);
  std::cout << "Comment " << o.id << " is now " << (c ? comments::ToString(c->status) : "restored") << "\n";
  return 0;
}

int RunLog(const CommentOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto log = site->comments().repository().Actions(o.id > 0 ? std::optional(o.id) : std::nullopt);
  if (!log) return Fail(log.error().message);
  for (const auto& a : *log) {
    if (o.format == "json") {
      nlohmann::json j = {{"comment_id", a.comment_id},
                          {"action", a.action},
                          {"from_status", a.from_status},
                          {"actor", a.actor},
                          {"at", FormatIso8601(a.at)}};
      std::cout << j.dump() << "\n";
    } else {
      std::cout << FormatIso8601(a.at) << "\t" << a.actor << "\t" << a.action << "\tcomment " << a.comment_id
                << " (was " << a.from_status << ")\n";
    }
  }
  return 0;
}

// Sets the editor's choice and says what it means now: an explicit choice overrides the site's
// rules, the default follows them (so the reply says whether they leave the article open).
int RunCommenting(const CommentOptions& o, comments::ArticleCommenting choice) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  auto article = FindArticleRef(*site, o.article);
  if (!article) return Fail(article.error().message);
  if (auto st = site->comments().SetCommenting(article->id, choice); !st) return Fail(st.error().message);
  std::cout << "Comments on article " << article->id;
  if (choice != comments::ArticleCommenting::kSiteDefault) {
    std::cout << " are now " << comments::ToString(choice) << " (overrides the site's rules)\n";
    return 0;
  }
  auto open = site->comments().IsOpen(*article);
  if (!open) return Fail(open.error().message);
  std::cout << " follow the site's rules (now " << (*open ? "open" : "closed") << ")\n";
  return 0;
}

// The corpus is a CSV with a header naming AUTHOR, CONTENT and CLASS (1 = spam), like the UCI
// YouTube Spam Collection.
int RunSpamEval(const CommentOptions& o) {
  std::ifstream in(o.corpus, std::ios::binary);
  if (!in) return Fail("Cannot read " + o.corpus);
  auto rows = ParseCsv(std::string(std::istreambuf_iterator<char>(in), {}));
  if (rows.size() < 2) return Fail("No rows in " + o.corpus);
  auto column = [&](const std::string& name) -> int {
    for (std::size_t i = 0; i < rows[0].size(); ++i)
      if (rows[0][i] == name) return static_cast<int>(i);
    return -1;
  };
  const int author = column("AUTHOR"), content = column("CONTENT"), label = column("CLASS");
  if (content < 0 || label < 0) return Fail("The CSV needs CONTENT and CLASS columns");
  std::vector<comments::LabelledComment> data;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (static_cast<int>(row.size()) <= std::max(content, label)) continue;
    comments::LabelledComment lc;
    lc.comment.body = row[content];
    if (author >= 0) lc.comment.name = row[author];
    lc.is_spam = row[label] == "1";
    data.push_back(std::move(lc));
  }
  const auto e = comments::CrossValidate(data, o.folds, o.threshold, o.seed);
  std::printf("comments: %zu (spam %d, ham %d), %d-fold cross-validation, threshold %.2f\n", data.size(),
              e.true_spam + e.false_ham, e.true_ham + e.false_spam, o.folds, o.threshold);
  std::printf("spam precision %.3f  spam recall %.3f  ham precision %.3f  ham recall %.3f  accuracy %.3f\n",
              e.SpamPrecision(), e.SpamRecall(), e.HamPrecision(), e.HamRecall(), e.Accuracy());
  return 0;
}

void AddIdCommand(CLI::App& group, const std::shared_ptr<CommentOptions>& o, int* exit_code, const std::string& name,
                  const std::string& help, std::function<int(const CommentOptions&)> run) {
  auto* cmd = group.add_subcommand(name, help);
  cmd->add_option("id", o->id, "Comment id")->required();
  cmd->add_option("--by", o->by, "Who is acting, for the moderation log (default: cli:$USER)");
  AddDbOption(*cmd, o->db);
  cmd->callback([o, exit_code, run] { *exit_code = run(*o); });
}

}  // namespace

void AddComments(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("comments", "List and moderate comments");
  group->require_subcommand(1);
  auto o = std::make_shared<CommentOptions>();
  auto* list = group->add_subcommand("list", "List comments, newest first, with why each was held");
  AddDbOption(*list, o->db);
  list->add_option("--status", o->status, "pending, approved, spam or trash");
  list->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  list->callback([o, exit_code] { *exit_code = RunList(*o); });
  for (auto status :
       {comments::CommentStatus::kApproved, comments::CommentStatus::kSpam, comments::CommentStatus::kTrash}) {
    const std::string name = status == comments::CommentStatus::kApproved ? "approve"
                             : status == comments::CommentStatus::kSpam   ? "spam"
                                                                          : "trash";
    AddIdCommand(*group, o, exit_code, name, "Mark a comment " + std::string(comments::ToString(status)),
                 [status](const CommentOptions& opts) { return RunSetStatus(opts, status); });
  }
  AddIdCommand(*group, o, exit_code, "restore", "Take a comment out of trash or spam, back to its earlier status",
               RunRestore);
  auto* log = group->add_subcommand("log", "The moderators' actions: who did what, when");
  log->add_option("--comment", o->id, "Only this comment's");
  log->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  AddDbOption(*log, o->db);
  log->callback([o, exit_code] { *exit_code = RunLog(*o); });
  struct CommentingCommand {
    const char* name;
    comments::ArticleCommenting choice;
    const char* help;
  };
  for (const auto& c : {CommentingCommand{"open", comments::ArticleCommenting::kOpen,
                                          "Open an article to new comments, whatever the site's rules "
                                          "(comments.closed_by_default, comments.close_after_days)"},
                        CommentingCommand{"close", comments::ArticleCommenting::kClosed,
                                          "Close an article to new comments, whatever the site's rules"},
                        CommentingCommand{"default", comments::ArticleCommenting::kSiteDefault,
                                          "Let the site's rules decide again whether an article takes comments"}}) {
    auto* cmd = group->add_subcommand(c.name, c.help);
    cmd->add_option("article", o->article, "Article id or slug")->required();
    AddDbOption(*cmd, o->db);
    cmd->callback([o, exit_code, choice = c.choice] { *exit_code = RunCommenting(*o, choice); });
  }
  auto* eval = group->add_subcommand("spam-eval", "Cross-validate the spam filter on a labelled CSV corpus");
  eval->add_option("corpus", o->corpus, "CSV with AUTHOR, CONTENT, CLASS (1 = spam) columns")->required();
  eval->add_option("--folds", o->folds, "Number of folds")->capture_default_str();
  eval->add_option("--threshold", o->threshold, "Spam probability threshold")->capture_default_str();
  eval->add_option("--seed", o->seed, "Shuffle seed")->capture_default_str();
  eval->callback([o, exit_code] { *exit_code = RunSpamEval(*o); });
}

}  // namespace gazette::cli
