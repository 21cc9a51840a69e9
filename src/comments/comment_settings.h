// CommentSettings: the site's comment rules, kept as "comments.*" keys in the settings table.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "content/site_settings.h"

namespace gazette::comments {

// Defaults follow WordPress where it has the same rule.
struct CommentSettings {
  bool moderate_all = false;                  // comments.moderate_all
  bool require_previous_approval = true;      // comments.require_previous_approval
  int max_links = 2;                          // comments.max_links: more links than this are held
  std::vector<std::string> moderation_words;  // comments.moderation_words (comma or newline separated)
  std::vector<std::string> disallowed_words;  // comments.disallowed_words: straight to spam
  int thread_depth = 3;                       // comments.thread_depth (1: no replies)
  int close_after_days = 0;                   // comments.close_after_days (0: never)
  bool closed_by_default = false;             // comments.closed_by_default: every article closed
  int min_seconds = 3;                        // comments.min_seconds: the time trap
  int rate_ip_per_minute = 5;                 // comments.rate_ip_per_minute
  int rate_ip_per_hour = 30;                  // comments.rate_ip_per_hour
  int rate_email_per_hour = 10;               // comments.rate_email_per_hour
  std::vector<std::string> trusted_proxies{"127.0.0.1", "::1"};  // comments.trusted_proxies
  int retention_days = 30;                                       // comments.ip_retention_days: IPs and user agents
  double spam_threshold = 0.9;                                   // comments.spam_threshold: filter probability for spam
  double spam_hold_threshold = 0.4;                              // comments.spam_hold_threshold: ... to hold instead
  int spam_min_training = 20;             // comments.spam_min_training: decisions per class first
  std::vector<std::string> webhook_urls;  // comments.webhook_urls (http://, comma separated)
  std::string webhook_secret;             // comments.webhook_secret (HMAC-SHA-256 key)
};

// Every key LoadCommentSettings reads, with a one-line description, for `gazette settings`.
struct SettingInfo {
  const char* key;
  const char* kind;  // bool, int, number, list, text
  const char* help;
};
const std::vector<SettingInfo>& CommentSettingKeys();

// Reads the settings; unset keys keep their defaults. kInvalidArgument names a malformed value.
Result<CommentSettings> LoadCommentSettings(const content::SettingsRepository& repo);
// Checks that `value` suits `key` (a known comments.* key). kInvalidArgument otherwise.
Status ValidateCommentSetting(std::string_view key, std::string_view value);

}  // namespace gazette::comments
