// Comment form validation: one message per field, written for the visitor.
#include "comments/comment_validation.h"

#include "common/text.h"

namespace gazette::comments {
namespace {

bool IsEmailLocalChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

bool IsHostLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;  // internationalised domain names
}

bool IsValidHost(std::string_view host, bool need_dot) {
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.') return false;
  if (need_dot && host.find('.') == std::string_view::npos) return false;
  std::size_t label = 0;
  for (char c : host) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (!IsHostLabelChar(c) || ++label > 63) {
      return false;
    }
  }
  return true;
}

void CheckRequired(std::vector<Error>& errors, std::string_view value, const char* field, const char* message) {
  if (text::Trim(value).empty()) errors.push_back(Error::Invalid(message, field));
}

}  // namespace

bool LooksLikeEmail(std::string_view email) {
  const std::size_t at = email.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  const std::string_view local = email.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  for (char c : local)
    if (!IsEmailLocalChar(c)) return false;
  return IsValidHost(email.substr(at + 1), true);
}

bool IsWebUrl(std::string_view url) {
  std::string_view rest;
  const std::string lower = text::AsciiLower(url.substr(0, 8));
  if (lower.rfind("http://", 0) == 0)
    rest = url.substr(7);
  else if (lower.rfind("https://", 0) == 0)
    rest = url.substr(8);
  else
    return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') return authority.find(']') != std::string_view::npos;
  const std::string_view host = authority.substr(0, authority.find(':'));
  return IsValidHost(host, false);
}

std::vector<Error> ValidateCommentForm(const CommentForm& f) {
  std::vector<Error> errors;
  auto utf8 = [&](std::string_view value, const char* field) {
    if (!text::IsValidUtf8(value)) {
      errors.push_back(Error::Invalid("This field contains bytes that are not valid UTF-8 text.", field));
      return false;
    }
    return true;
  };
  if (utf8(f.comment, "comment")) {
    CheckRequired(errors, f.comment, "comment", "Please write a comment.");
    if (text::CountCodePoints(f.comment) > kMaxCommentChars)
      errors.push_back(Error::Invalid("Your comment is too long: at most 10,000 characters, please.", "comment"));
  }
  if (utf8(f.name, "name")) {
    CheckRequired(errors, f.name, "name", "Please give your name.");
    if (text::CountCodePoints(f.name) > kMaxNameChars)
      errors.push_back(Error::Invalid("Your name is too long: at most 100 characters, please.", "name"));
  }
  if (utf8(f.email, "email")) {
    const std::string_view email = text::Trim(f.email);
    if (email.empty())
      errors.push_back(Error::Invalid("Please give your email address.", "email"));
    else if (email.size() > kMaxEmailChars || !LooksLikeEmail(email))
      errors.push_back(Error::Invalid("This does not look like an email address (name@example.org).", "email"));
  }
  if (utf8(f.website, "website")) {
    const std::string_view site = text::Trim(f.website);
    if (site.empty())
      errors.push_back(Error::Invalid("Please give your website.", "website"));
    else if (site.size() > kMaxWebsiteChars || !IsWebUrl(site))
      errors.push_back(Error::Invalid("The website must be an http:// or https:// address.", "website"));
  }
  return errors;
}

}  // namespace gazette::comments
