// Where an exported page's comment form posts. A static copy of the site has no server behind it,
// so its form either posts to the same origin (a live Gazette behind the same host, the default),
// to a live Gazette elsewhere, or is left out.
#pragma once

#include <string>
#include <string_view>

namespace gazette::exports {

struct CommentFormTarget {
  enum class Mode { kSameOrigin, kElsewhere, kLeftOut } mode = Mode::kSameOrigin;
  std::string base_url;  // kElsewhere: "https://comments.example.org", no trailing slash
};

// `html` with its comment form (the theme's <form class="comment-form" ...>) pointed at the
// target: the action made absolute (the form's script fetches its token from the same place),
// or the whole form removed. Pages without the form are returned as they are.
std::string PointCommentForm(std::string_view html, const CommentFormTarget& target);

}  // namespace gazette::exports
