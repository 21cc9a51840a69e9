// What both importers (WordPress and Hugo/Jekyll) ask before they update a stored article.
#pragma once

#include "content/article.h"
#include "content/article_service.h"

namespace gazette::imports {

// Whether the stored article already says what the draft says: title, Markdown, tags (by slug,
// repeats once), byline and excerpt; status and date apart.
bool SameText(const content::Article& a, const content::ArticleDraft& d);

}  // namespace gazette::imports
