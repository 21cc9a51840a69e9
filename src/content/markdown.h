// Markdown as authors write it, rendered with cmark-gfm.
#pragma once

#include <string>
#include <string_view>

#include "common/safe_html.h"

namespace gazette::content {

// Renders GitHub-flavoured Markdown (tables, autolinks, strikethrough) to HTML.
// Raw HTML is never passed through (it is replaced by a comment) and unsafe link
// schemes such as javascript: are dropped, so the result is safe to embed in a page.
// Headings are nested under the page's h1: they start at h2 and never skip a level.
SafeHtml RenderMarkdown(std::string_view markdown);

// The text of the Markdown without markup, for excerpts, search and relatedness.
std::string MarkdownToPlainText(std::string_view markdown);

// Escapes text so that Markdown shows it literally (used when importing plain text).
std::string EscapeMarkdown(std::string_view plain);

}  // namespace gazette::content
