// `gazette user add|list|set-role|reset-password|disable|enable` and `gazette token create`.
#include <unistd.h>

#include <iostream>

#include "accounts/password.h"
#include "app/newsroom.h"
#include "cli/commands.h"

namespace gazette::cli {
namespace {

struct UserOptions {
  std::string db;
  std::string email;
  std::string name;
  std::string role;
  std::string token_name = "command line";
};

// The password from stdin when it is piped in; otherwise a generated one, printed once.
std::string PasswordFromStdinOrGenerated(bool* generated) {
  *generated = false;
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (std::getline(std::cin, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
      if (!line.empty()) return line;
    }
  }
  *generated = true;
  return accounts::GeneratePassword();
}

Result<accounts::Role> RoleOption(const std::string& role) {
  auto r = accounts::ParseRole(role);
  if (!r) return Error::Invalid("--role is administrator, editor, author or contributor");
  return *r;
}

int RunAdd(const UserOptions& o) {
  auto role = RoleOption(o.role);
  if (!role) return Fail(role.error().message);
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  app::Newsroom newsroom(*site);
  bool generated = false;
  const std::string password = PasswordFromStdinOrGenerated(&generated);
  auto user = newsroom.accounts().AddUser({o.email, o.name, *role, password});
  if (!user) return Fail(user.error().message);
  std::cout << "Added " << accounts::ToString(user->role) << " " << user->email << " (user " << user->id << ")\n";
  if (generated) std::cout << "Password (shown once): " << password << "\n";
  return 0;
}

int RunList(const UserOptions& o) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  app::Newsroom newsroom(*site);
  auto users = newsroom.accounts().ListUsers();
  if (!users) return Fail(users.error().message);
  for (const auto& u : *users)
    std::cout << u.id << "\t" << u.email << "\t" << accounts::ToString(u.role) << "\t" << u.name
              << (u.disabled ? "\tdisabled" : "") << "\n";
  return 0;
}

// Runs `change` on the user with o.email.
template <typename Change>
int WithUser(const UserOptions& o, Change change) {
  auto site = OpenSiteOrReport(o.db, false);
  if (!site) return 1;
  app::Newsroom newsroom(*site);
  auto user = newsroom.accounts().FindByEmail(o.email);
  if (!user) return Fail("No user with the email " + o.email);
  return change(newsroom.accounts(), *user);
}

int RunSetRole(const UserOptions& o) {
  auto role = RoleOption(o.role);
  if (!role) return Fail(role.error().message);
  return WithUser(o, [&](accounts::AccountService& a, const accounts::User& u) {
    if (auto st = a.SetRole(u.id, *role); !st) return Fail(st.error().message);
    std::cout << u.email << " is now " << accounts::ToString(*role) << "\n";
    return 0;
  });
}

int RunResetPassword(const UserOptions& o) {
  return WithUser(o, [&](accounts::AccountService& a, const accounts::User& u) {
    bool generated = false;
    const std::string password = PasswordFromStdinOrGenerated(&generated);
    if (auto st = a.ResetPassword(u.id, password); !st) return Fail(st.error().message);
    std::cout << "Password of " << u.email << " changed; their sessions were ended.\n";
    if (generated) std::cout << "Password (shown once): " << password << "\n";
    return 0;
  });
}

int RunDisable(const UserOptions& o, bool disabled) {
  return WithUser(o, [&](accounts::AccountService& a, const accounts::User& u) {
    if (auto st = a.SetDisabled(u.id, disabled); !st) return Fail(st.error().message);
    std::cout << u.email << (disabled ? " is disabled and signed out.\n" : " is enabled.\n");
    return 0;
  });
}

int RunTokenCreate(const UserOptions& o) {
  return WithUser(o, [&](accounts::AccountService& a, const accounts::User& u) {
    auto token = a.CreateApiToken(u.id, o.token_name);
    if (!token) return Fail(token.error().message);
    std::cout << *token << "\n";
    return 0;
  });
}

}  // namespace

void AddUser(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<UserOptions>();
  auto* group = app.add_subcommand("user", "Manage the newsroom's accounts");
  group->require_subcommand(1);
  const std::string roles = "administrator, editor, author or contributor";

  auto* add = group->add_subcommand("add", "Add a user (password from stdin, or generated and printed once)");
  AddDbOption(*add, o->db);
  add->add_option("--email", o->email, "Email address (the login)")->required();
  add->add_option("--name", o->name, "Name, as shown in bylines")->required();
  add->add_option("--role", o->role, roles)->required();
  add->callback([o, exit_code] { *exit_code = RunAdd(*o); });

  auto* list = group->add_subcommand("list", "List users");
  AddDbOption(*list, o->db);
  list->callback([o, exit_code] { *exit_code = RunList(*o); });

  auto* set_role = group->add_subcommand("set-role", "Change a user's role");
  AddDbOption(*set_role, o->db);
  set_role->add_option("--email", o->email, "The user's email")->required();
  set_role->add_option("--role", o->role, roles)->required();
  set_role->callback([o, exit_code] { *exit_code = RunSetRole(*o); });

  auto* reset = group->add_subcommand("reset-password", "Set a new password (stdin, or generated) and sign out");
  AddDbOption(*reset, o->db);
  reset->add_option("--email", o->email, "The user's email")->required();
  reset->callback([o, exit_code] { *exit_code = RunResetPassword(*o); });

  auto* disable = group->add_subcommand("disable", "Stop a user signing in (and end their sessions)");
  AddDbOption(*disable, o->db);
  disable->add_option("--email", o->email, "The user's email")->required();
  disable->callback([o, exit_code] { *exit_code = RunDisable(*o, true); });

  auto* enable = group->add_subcommand("enable", "Let a disabled user sign in again");
  AddDbOption(*enable, o->db);
  enable->add_option("--email", o->email, "The user's email")->required();
  enable->callback([o, exit_code] { *exit_code = RunDisable(*o, false); });
}

void AddToken(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<UserOptions>();
  auto* group = app.add_subcommand("token", "Admin API tokens");
  group->require_subcommand(1);
  auto* create = group->add_subcommand("create", "Create an API token for a user and print it (shown once)");
  AddDbOption(*create, o->db);
  create->add_option("--email", o->email, "The user the token acts as")->required();
  create->add_option("--name", o->token_name, "What the token is for")->capture_default_str();
  create->callback([o, exit_code] { *exit_code = RunTokenCreate(*o); });
}

}  // namespace gazette::cli
