// Helpers for the WordPress content tests: convert a fragment and render it as Gazette would.
#pragma once

#include <string>
#include <string_view>

#include "content/markdown.h"
#include "imports/wordpress/content_converter.h"

namespace gazette::imports::wordpress {

inline std::string Md(std::string_view wp, const ConvertOptions& options = {}) {
  return ConvertContent(wp, options).markdown;
}

// The page HTML the fragment ends up as.
inline std::string Html(std::string_view wp, const ConvertOptions& options = {}) {
  return content::RenderMarkdown(ConvertContent(wp, options).markdown).str();
}

}  // namespace gazette::imports::wordpress
