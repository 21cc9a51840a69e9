// The import loop, as named steps per file: read, put its images in the library, plan, then
// create or update the article and its redirects.
#include "imports/markdown/site_import.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/text.h"
#include "imports/same_text.h"
#include "content/markdown.h"
#include "imports/markdown/post_plan.h"

namespace gazette::imports::markdown {
namespace fs = std::filesystem;
namespace {

Result<std::string> ReadBounded(const fs::path& path, std::size_t limit) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return Error::Unavailable("cannot be read: " + ec.message());
  if (size > limit) return Error::Invalid("larger than " + std::to_string(limit >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in) return Error::Unavailable("cannot be read");
  return buf.str();
}

class Importer {
 public:
  Importer(const ImportTargets& targets, const SiteImportOptions& options, SiteImportSummary& summary)
      : t_(targets), options_(options), s_(summary) {}

  // Imports one file; a failure of the file itself is recorded and not returned.
  Status ImportFile(const SourceFile& file) {
    auto bytes = ReadBounded(file.path, kMaxPostBytes);
    if (!bytes) return Skip(file, bytes.error().message);
    auto plan = PlanPost(file, *bytes, StoreImages(file), options_.default_author);
    if (!plan) return Skip(file, plan.error().message);
    if (auto [it, fresh] = slugs_.emplace(plan->draft.slug, file.relative); !fresh)
      return Skip(file, "its slug \"" + plan->draft.slug + "\" is already taken by " + it->second);
    if (!plan->draft.published_at && plan->draft.status == content::ArticleStatus::kPublished)
      plan->draft.published_at = ModificationTime(file.path);
    auto id = Store(*plan);
    if (!id) {
      if (id.error().code == ErrorCode::kInvalidArgument) return Skip(file, id.error().message);
      return id.error();
    }
    if (plan->is_page) ++s_.pages;
    Tally(file, *plan);
    return StoreRedirects(*plan, *id);
  }

 private:
  Status Skip(const SourceFile& file, const std::string& reason) {
    s_.skipped.push_back({file.relative, reason});
    return Status::Ok();
  }

  // Puts the bundle's images in the media library; returns their addresses by file name.
  std::map<std::string, std::string> StoreImages(const SourceFile& file) {
    std::map<std::string, std::string> urls;
    if (!t_.media || file.bundle_images.empty()) return urls;
    for (const auto& name : file.bundle_images) {
      auto bytes = ReadBounded(file.path.parent_path() / name, media::MediaService::kMaxUploadBytes);
      auto item = bytes ? t_.media->Upload(*bytes, "", 0) : Result<media::MediaItem>(bytes.error());
      const media::Variant* largest = item ? media::Largest(*item) : nullptr;
      if (!largest) {
        s_.notes.push_back(file.relative + ": image " + name + " not imported: " +
                           (item ? "no stored file" : item.error().message));
        continue;
      }
      urls[name] = "/media/" + largest->file;
      ++s_.images;
    }
    return urls;
  }

  static UnixTime ModificationTime(const fs::path& path) {
    std::error_code ec;
    const auto mtime = fs::last_write_time(path, ec);
    if (ec) return 0;
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(mtime).time_since_epoch())
        .count();
  }

  // Creates the article, or brings the stored one with the same slug up to date.
  Result<content::ArticleId> Store(const PostPlan& plan) {
    const content::ArticleDraft& d = plan.draft;
    auto existing = t_.store.FindBySlug(d.slug);
    if (!existing) {
      if (existing.error().code != ErrorCode::kNotFound) return existing.error();
      auto created = t_.articles.Create(d);
      if (!created) return created.error();
      ++s_.imported;
      return created->id;
    }
    if (existing->kind != d.kind)
      return Error::Invalid(std::string("its slug is taken by ") + (existing->IsPage() ? "a page" : "an article") +
                            " already on the site");
    bool changed = false;
    if (!SameText(*existing, d)) {
      content::ArticleEdit edit;
      edit.title = d.title;
      edit.markdown = d.markdown;
      edit.tags = d.tags;
      edit.authors = d.authors;
      edit.excerpt = d.excerpt;
      if (auto st = t_.articles.Update(existing->id, edit); !st) return st.error();
      changed = true;
    }
    if (d.status == content::ArticleStatus::kPublished) {
      const UnixTime when = d.published_at.value_or(existing->published_at);
      if (!existing->IsPublished() || existing->published_at != when) {
        if (auto st = t_.articles.Publish(existing->id, when); !st) return st.error();
        changed = true;
      }
    } else if (existing->IsPublished()) {
      if (auto st = t_.articles.Unpublish(existing->id); !st) return st.error();
      changed = true;
    }
    ++(changed ? s_.updated : s_.unchanged);
    return existing->id;
  }

  Status StoreRedirects(const PostPlan& plan, content::ArticleId id) {
    if (plan.old_addresses.empty()) return Status::Ok();
    std::string own_path;
    if (t_.permalink) {
      auto article = t_.store.FindById(id);
      if (!article) return article.error();
      own_path = content::NormaliseRedirectSource(t_.permalink->PathFor(*article));
    }
    for (const auto& from : plan.old_addresses) {
      if (from == own_path) continue;  // Gazette answers there itself
      if (!t_.redirects) {
        ++s_.redirects_not_stored;
        continue;
      }
      auto found = t_.redirects->Find(from);
      if (!found) return found.error();
      if (*found && (*found)->article == id) {
        ++s_.redirects_unchanged;
        continue;
      }
      if (auto st = t_.redirects->Put(content::Redirect{from, id, ""}); !st) return st;
      ++s_.redirects_added;
    }
    return Status::Ok();
  }

  void Tally(const SourceFile& file, const PostPlan& plan) {
    for (const auto& [name, n] : plan.shortcodes_kept) s_.shortcodes_kept[name] += n;
    for (const auto& field : plan.not_kept) ++s_.fields_not_kept[field];
    for (const auto& note : plan.notes) s_.notes.push_back(file.relative + ": " + note);
  }

  const ImportTargets& t_;
  const SiteImportOptions& options_;
  SiteImportSummary& s_;
  std::map<std::string, std::string> slugs_;  // slug → the file that took it in this run
};

}  // namespace

Result<SiteImportSummary> ImportSite(const ImportTargets& targets, const std::string& dir,
                                     const SiteImportOptions& options,
                                     const std::function<void(std::size_t, std::size_t)>& progress) {
  auto folder = ScanContentFolder(dir);
  if (!folder) return folder.error();
  SiteImportSummary summary;
  summary.flavour = folder->flavour;
  summary.skipped = folder->skipped;
  Importer importer(targets, options, summary);
  for (std::size_t i = 0; i < folder->files.size(); ++i) {
    if (auto st = importer.ImportFile(folder->files[i]); !st) return st.error();
    progress(i + 1, folder->files.size());
  }
  return summary;
}

}  // namespace gazette::imports::markdown
