// CommentSettings parsing: one table of keys, so the CLI and the loader cannot disagree.
#include "comments/comment_settings.h"

#include <cstdlib>

#include "common/numbers.h"
#include "common/text.h"

namespace gazette::comments {
namespace {

std::optional<bool> ParseBool(std::string_view v) {
  const std::string s = text::AsciiLower(text::Trim(v));
  if (s == "1" || s == "true" || s == "yes" || s == "on") return true;
  if (s == "0" || s == "false" || s == "no" || s == "off") return false;
  return std::nullopt;
}

std::optional<int> ParseInt(std::string_view v) {
  const auto n = ParseInteger<int>(text::Trim(v));
  if (!n || *n < 0) return std::nullopt;
  return n;
}

std::optional<double> ParseNumber(std::string_view v) {
  const std::string s(text::Trim(v));
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || d < 0 || d > 1) return std::nullopt;
  return d;
}

std::vector<std::string> ParseList(std::string_view v) {
  std::string s(v);
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ',';
  std::vector<std::string> out;
  for (auto& item : text::SplitTrimmed(s, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

const std::vector<SettingInfo>& CommentSettingKeys() {
  static const std::vector<SettingInfo> keys = {
      {"comments.moderate_all", "bool", "hold every comment for moderation"},
      {"comments.require_previous_approval", "bool", "hold comments from authors with no approved comment"},
      {"comments.max_links", "int", "hold comments with more links than this"},
      {"comments.moderation_words", "list", "hold comments containing any of these (comma separated)"},
      {"comments.disallowed_words", "list", "send comments containing any of these to spam"},
      {"comments.thread_depth", "int", "how deep replies nest (1: no replies)"},
      {"comments.close_after_days", "int", "close comments this many days after publishing (0: never)"},
      {"comments.closed_by_default", "bool", "comments closed on every article (open by default when false)"},
      {"comments.min_seconds", "int", "hold forms sent back faster than this after the token was issued"},
      {"comments.rate_ip_per_minute", "int", "comments per minute from one address"},
      {"comments.rate_ip_per_hour", "int", "comments per hour from one address"},
      {"comments.rate_email_per_hour", "int", "comments per hour from one email address"},
      {"comments.trusted_proxies", "list", "proxies whose X-Forwarded-For is believed (addresses or IPv4 CIDR)"},
      {"comments.ip_retention_days", "int", "days to keep commenters' IP addresses and user agents"},
      {"comments.spam_threshold", "number", "spam probability (0-1) above which the filter sends to spam"},
      {"comments.spam_hold_threshold", "number", "spam probability (0-1) above which the comment is held"},
      {"comments.spam_min_training", "int", "spam and approved decisions needed before the filter acts"},
      {"comments.webhook_urls", "list", "http:// URLs that receive comment.created and comment.approved"},
      {"comments.webhook_secret", "text", "HMAC-SHA-256 key for the X-Gazette-Signature header"},
  };
  return keys;
}

Status ValidateCommentSetting(std::string_view key, std::string_view value) {
  for (const auto& k : CommentSettingKeys()) {
    if (key != k.key) continue;
    const std::string_view kind = k.kind;
    if (kind == "bool" && !ParseBool(value)) return Error::Invalid(std::string(key) + " is true or false");
    if (kind == "int" && !ParseInt(value)) return Error::Invalid(std::string(key) + " is a whole number >= 0");
    if (kind == "number" && !ParseNumber(value)) return Error::Invalid(std::string(key) + " is a number from 0 to 1");
    if (key == "comments.webhook_urls")
      for (const auto& url : ParseList(value))
        if (!url.starts_with("http://")) return Error::Invalid("Webhook URLs start with http://: " + url);
    return Status::Ok();
  }
  return Error::Invalid("Unknown comment setting: " + std::string(key));
}

Result<CommentSettings> LoadCommentSettings(const content::SettingsRepository& repo) {
  CommentSettings s;
  for (const auto& k : CommentSettingKeys()) {
    auto v = repo.Get(k.key);
    if (!v) return v.error();
    if (!*v) continue;
    const std::string& raw = **v;
    const std::string_view key = k.key;
    if (auto st = ValidateCommentSetting(key, raw); !st) return st.error();
    if (key == "comments.moderate_all")
      s.moderate_all = *ParseBool(raw);
    else if (key == "comments.require_previous_approval")
      s.require_previous_approval = *ParseBool(raw);
    else if (key == "comments.max_links")
      s.max_links = *ParseInt(raw);
    else if (key == "comments.moderation_words")
      s.moderation_words = ParseList(raw);
    else if (key == "comments.disallowed_words")
      s.disallowed_words = ParseList(raw);
    else if (key == "comments.thread_depth")
      s.thread_depth = std::max(1, *ParseInt(raw));
    else if (key == "comments.close_after_days")
      s.close_after_days = *ParseInt(raw);
    else if (key == "comments.closed_by_default")
      s.closed_by_default = *ParseBool(raw);
    else if (key == "comments.min_seconds")
      s.min_seconds = *ParseInt(raw);
    else if (key == "comments.rate_ip_per_minute")
      s.rate_ip_per_minute = *ParseInt(raw);
    else if (key == "comments.rate_ip_per_hour")
      s.rate_ip_per_hour = *ParseInt(raw);
    else if (key == "comments.rate_email_per_hour")
      s.rate_email_per_hour = *ParseInt(raw);
    else if (key == "comments.trusted_proxies")
      s.trusted_proxies = ParseList(raw);
    else if (key == "comments.ip_retention_days")
      s.retention_days = *ParseInt(raw);
    else if (key == "comments.spam_threshold")
      s.spam_threshold = *ParseNumber(raw);
    else if (key == "comments.spam_hold_threshold")
      s.spam_hold_threshold = *ParseNumber(raw);
    else if (key == "comments.spam_min_training")
      s.spam_min_training = *ParseInt(raw);
    else if (key == "comments.webhook_urls")
      s.webhook_urls = ParseList(raw);
    else if (key == "comments.webhook_secret")
      s.webhook_secret = raw;
  }
  return s;
}

}  // namespace gazette::comments
