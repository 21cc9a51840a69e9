// Planning a post: front matter first (Hugo's rules where Hugo and Jekyll differ), then the body.
#include "imports/markdown/post_plan.h"

#include <algorithm>

#include "common/text.h"
#include "content/markdown.h"
#include "content/redirects.h"
#include "imports/markdown/bundle_links.h"
#include "imports/markdown/front_matter.h"
#include "imports/markdown/post_fields.h"
#include "imports/markdown/shortcodes.h"

namespace gazette::imports::markdown {
namespace {

// The line of the front matter that sets `field`, so that a bad value is reported where it is.
int LineOfField(std::string_view bytes, const std::string& field) {
  int line = 1;
  for (std::size_t pos = 0; pos < bytes.size() && pos < kMaxFrontMatterBytes; ++line) {
    const std::size_t nl = std::min(bytes.find('\n', pos), bytes.size());
    std::string_view l = text::Trim(bytes.substr(pos, nl - pos));
    if (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.remove_prefix(1);
    if (l.starts_with(field) && l.size() > field.size() &&
        std::string_view(":= \"'").find(l[field.size()]) != std::string_view::npos)
      return line;
    pos = nl + 1;
  }
  return 2;
}

// Old addresses worth a redirect: aliases and url as written; a Jekyll permalink only when it is
// an address, not a pattern ("/:categories/:title/").
std::vector<std::string> OldAddresses(const PostFields& f) {
  std::vector<std::string> out;
  auto add = [&](const std::string& a) {
    if (a.empty() || (a.find(':') != std::string::npos && !a.starts_with("http"))) return;
    std::string from = content::NormaliseRedirectSource(a);
    if (from != "/" && std::find(out.begin(), out.end(), from) == out.end()) out.push_back(std::move(from));
  };
  for (const auto& a : f.aliases) add(a);
  add(f.url);
  return out;
}

}  // namespace

void MakePage(content::ArticleDraft& draft) {
  // A page lives at /SLUG/ and is in no list; its date and tags say nothing there.
  draft.kind = content::ArticleKind::kPage;
  draft.tags.clear();
}

Result<PostPlan> PlanPost(const SourceFile& file, std::string_view bytes,
                          const std::map<std::string, std::string>& image_urls, const std::string& default_author) {
  auto doc = ParseDocument(bytes);
  if (!doc) return doc.error();
  auto fields = ReadPostFields(doc->fields);
  if (!fields) {
    return Error::Invalid("line " + std::to_string(LineOfField(bytes, fields.error().field)) + ": " +
                          fields.error().message);
  }
  PostPlan plan;
  content::ArticleDraft& d = plan.draft;
  d.title = text::CollapseWhitespace(fields->title);
  if (d.title.empty()) return Error::Invalid("line 1: the front matter has no title");
  d.slug = text::Slugify(fields->slug.empty() ? file.slug : fields->slug);
  if (d.slug.empty()) d.slug = text::Slugify(d.title);
  const bool draft = fields->draft.value_or(file.draft);
  d.status = draft ? content::ArticleStatus::kDraft : content::ArticleStatus::kPublished;
  if (fields->publish_date) d.published_at = fields->publish_date;
  else if (fields->date) d.published_at = fields->date;
  else d.published_at = file.date;
  // Categories first: the first category is the primary tag.
  d.tags = fields->categories;
  d.tags.insert(d.tags.end(), fields->tags.begin(), fields->tags.end());
  d.authors = fields->authors.empty() ? std::vector<std::string>{default_author} : fields->authors;
  d.excerpt = std::string(text::Trim(content::MarkdownToPlainText(fields->excerpt)));

  ConvertedBody body = ConvertShortcodes(doc->body);
  d.markdown = image_urls.empty() ? std::move(body.markdown) : RewriteBundleLinks(body.markdown, image_urls);
  d.markdown = std::string(text::Trim(d.markdown));
  plan.shortcodes_kept = std::move(body.kept);
  plan.old_addresses = OldAddresses(*fields);
  plan.not_kept = std::move(fields->not_kept);
  if (fields->expiry_date)
    plan.notes.push_back("expiryDate " + FormatIso8601(*fields->expiry_date) + " not kept: Gazette does not expire articles");
  plan.is_page = file.kind == SourceKind::kPage;
  if (plan.is_page) MakePage(d);
  return plan;
}

}  // namespace gazette::imports::markdown
