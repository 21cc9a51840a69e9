// One content file turned into what Gazette stores: an article draft, its old addresses and
// what could not be carried over. Pure: no storage, so that tests need no database.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "content/article.h"
#include "imports/markdown/content_folder.h"

namespace gazette::imports::markdown {

struct PostPlan {
  content::ArticleDraft draft;  // slug always set; published_at unset when no date was found
  bool is_page = false;         // a static page (about.md), not a dated article
  // Addresses the post answered at on the old site (aliases, url, permalink), normalised as
  // redirects are stored: each should answer 301 with the article.
  std::vector<std::string> old_addresses;
  std::map<std::string, int> shortcodes_kept;  // name → count, kept as text
  std::vector<std::string> not_kept;           // front matter fields that had nowhere to go
  std::vector<std::string> notes;              // for the summary: "expired on 2020-01-01 ..."
};

// Plans the import of `file` from its bytes. `image_urls` maps a bundle's file names (relative to
// the bundle) to their /media/ addresses, for the body's links. `default_author` is the byline
// when the front matter names nobody. kInvalidArgument, with "line N: " where it is known, for
// malformed front matter, a field of the wrong type, or a post without a title.
Result<PostPlan> PlanPost(const SourceFile& file, std::string_view bytes,
                          const std::map<std::string, std::string>& image_urls, const std::string& default_author);

// Turns a draft into a static page (ArticleKind::kPage): the one place that knows how Gazette
// marks pages.
void MakePage(content::ArticleDraft& draft);

}  // namespace gazette::imports::markdown
