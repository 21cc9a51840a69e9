// Moderation rules, in WordPress's order: disallowed words and spam first, then the reasons to hold.
#include "comments/moderation.h"

#include <cstdio>

#include "comments/links.h"
#include "common/text.h"

namespace gazette::comments {
namespace {

// The first word of `words` found in any of the comment's fields, or "".
std::string MatchingWord(const Comment& c, const std::vector<std::string>& words) {
  const std::string haystack =
      text::AsciiLower(c.name + "\n" + c.email + "\n" + c.website + "\n" + c.body + "\n" + c.ip + "\n" + c.user_agent);
  for (const auto& w : words) {
    const std::string needle = text::AsciiLower(w);
    if (!needle.empty() && haystack.find(needle) != std::string::npos) return w;
  }
  return {};
}

void Add(std::string& reasons, const std::string& reason) {
  if (!reasons.empty()) reasons += "; ";
  reasons += reason;
}

}  // namespace

Verdict Moderate(const Comment& c, const ModerationFacts& facts, const CommentSettings& s) {
  std::string spam;
  if (facts.honeypot_filled) Add(spam, "the hidden honeypot field was filled in");
  if (auto w = MatchingWord(c, s.disallowed_words); !w.empty()) Add(spam, "contains the disallowed word \"" + w + "\"");
  if (facts.spam_probability && *facts.spam_probability >= s.spam_threshold) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "the spam filter scored it %.3f (threshold %.2f)", *facts.spam_probability,
                  s.spam_threshold);
    Add(spam, buf);
  }
  if (!spam.empty()) return {CommentStatus::kSpam, spam};

  std::string hold;
  if (s.moderate_all) Add(hold, "every comment is held for moderation");
  const std::size_t links = FindUrls(c.body).size();
  if (static_cast<int>(links) > s.max_links)
    Add(hold, std::to_string(links) + " links (more than " + std::to_string(s.max_links) + ")");
  if (auto w = MatchingWord(c, s.moderation_words); !w.empty()) Add(hold, "contains the moderation word \"" + w + "\"");
  if (facts.spam_probability && *facts.spam_probability >= s.spam_hold_threshold) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "the spam filter leans to spam (score %.3f)", *facts.spam_probability);
    Add(hold, buf);
  }
  if (!facts.token_age) {
    Add(hold, "sent without a form token (no JavaScript)");
  } else if (*facts.token_age < s.min_seconds) {
    Add(hold, "sent " + std::to_string(std::max<UnixTime>(0, *facts.token_age)) +
                  " s after the form token was issued (faster than " + std::to_string(s.min_seconds) + " s)");
  }
  if (s.require_previous_approval && !facts.author_has_approved_comment)
    Add(hold, "first comment from this author (no previously approved comment)");
  if (!hold.empty()) return {CommentStatus::kPending, hold};
  return {CommentStatus::kApproved, ""};
}

}  // namespace gazette::comments
