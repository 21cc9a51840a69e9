// The rules a comment form must meet before it is stored.
#pragma once

#include <string_view>
#include <vector>

#include "comments/comment.h"
#include "common/error.h"

namespace gazette::comments {

inline constexpr std::size_t kMaxCommentChars = 10000;
inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxEmailChars = 254;
inline constexpr std::size_t kMaxWebsiteChars = 2000;

// Every problem with the form, one Error per field at fault (kInvalidArgument, `field` set to
// comment, name, email or website). Empty when the form is acceptable.
std::vector<Error> ValidateCommentForm(const CommentForm& form);

// Exposed for tests: a practical check of addr-spec syntax (local@domain.tld, no spaces).
bool LooksLikeEmail(std::string_view email);
// An absolute http or https URL with a host.
bool IsWebUrl(std::string_view url);

}  // namespace gazette::comments
