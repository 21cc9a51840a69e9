// WordPress post content (block markup or classic HTML, with shortcodes) turned into the
// Markdown Gazette stores, so that an imported article renders as it did on WordPress.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::imports::wordpress {

// A media-library item, for galleries that name their images by id ([gallery ids="3,4"]).
struct Attachment {
  std::string url;
  std::string alt;
  std::string caption;
};

struct ConvertOptions {
  // Called with every image URL of the content (src of <img>, gallery items, [caption]); returns
  // the address to use instead (a /media/ URL once the file is imported) or the URL unchanged.
  std::function<std::string(std::string_view url)> rewrite_image;
  // Finds an attachment by its WordPress post id; nullopt when the export does not hold it.
  std::function<std::optional<Attachment>(long long id)> find_attachment;
};

struct ConvertedContent {
  std::string markdown;
  // Shortcodes that could not be rendered, kept visibly as text: name → how many times.
  std::map<std::string, int> unrendered_shortcodes;
  // Block types that had no Markdown form and were kept as sanitised HTML: name → count.
  std::map<std::string, int> html_blocks;
  // Blocks that show nothing of the post's own (spacer, footnotes, and the dynamic blocks of a
  // theme such as latest-posts or search): dropped, name → count.
  std::map<std::string, int> dropped_blocks;
  std::vector<std::string> image_urls;  // every image the content showed, as written
};

// Converts one post's wp:post_content (also its excerpt: the same rules). Never fails: what it
// cannot convert it keeps as visible text and reports. Input past kMaxContentBytes is cut there.
ConvertedContent ConvertContent(std::string_view post_content, const ConvertOptions& options = {});

inline constexpr std::size_t kMaxContentBytes = 8 * 1024 * 1024;

}  // namespace gazette::imports::wordpress
