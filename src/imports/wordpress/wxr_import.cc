// The import's second pass: authors become users, then each item in turn (a post or page is
// planned, stored or brought up to date, given its featured image, comments and redirects),
// and last the addresses of categories, tags and attachment pages.
#include "imports/wordpress/wxr_import.h"

#include "common/text.h"
#include "imports/same_text.h"
#include "content/markdown.h"
#include "imports/wordpress/wxr_context.h"
#include "imports/wordpress/wxr_post.h"

namespace gazette::imports::wordpress {

std::optional<UnixTime> ImportContext::Date(std::string_view gmt, std::string_view local) const {
  if (auto t = ParseWpDate(gmt)) return t;
  if (auto t = ParseWpDate(local)) return *t - static_cast<UnixTime>(o.utc_offset_minutes) * 60;
  return std::nullopt;
}

Status ImportContext::Redirect(std::string_view raw_from, const content::Redirect& target, const std::string& own_path) {
  std::string from = content::NormaliseRedirectSource(raw_from);
  if (from.empty() || from == "/" || from == own_path || (!target.article && from == target.to)) return Status::Ok();
  if (!t.redirects) {
    ++s.redirects_not_kept;
    return Status::Ok();
  }
  auto found = t.redirects->Find(from);
  if (!found) return found.error();
  if (*found && (*found)->article == target.article && (*found)->to == target.to) {
    ++s.redirects_unchanged;
    return Status::Ok();
  }
  content::Redirect r = target;
  r.from = from;
  if (auto st = t.redirects->Put(r); !st) {
    if (st.error().code != ErrorCode::kInvalidArgument) return st;
    s.notes.push_back("old address " + from + " not kept: " + st.error().message);
    return Status::Ok();
  }
  ++s.redirects_added;
  return Status::Ok();
}

std::string TagPath(std::string_view name) { return "/tag/" + text::Slugify(InlineText(name)) + "/"; }

namespace {

class Importer {
 public:
  Importer(ImportContext& c) : c_(c), uploads_(c), menu_(c) {}

  Status Start() {
    auto schedules = c_.t.editorial.Schedules();
    if (!schedules) return schedules.error();
    schedules_ = std::move(*schedules);
    return ImportUsers();
  }

  Status ImportItem(const WxrItem& item) {
    const std::string& type = item.post_type;
    if (type == "attachment") return Status::Ok();  // imported with the posts that show them
    if (type == "nav_menu_item") {
      menu_.Collect(item);
      return Status::Ok();
    }
    const std::string what = type + " " + std::to_string(ItemId(item)) + " \"" + item.title + "\" (line " +
                             std::to_string(item.line) + ")";
    if (type != "post" && type != "page") {
      ++c_.s.post_types_skipped[type];
      c_.s.skipped.push_back({what, "post type \"" + type + "\" is not imported"});
      return Status::Ok();
    }
    KindCounts& counts = type == "page" ? c_.s.pages : c_.s.posts;
    auto plan = PlanPost(c_, item, uploads_);
    if (!plan) return Skip(counts, what, plan.error().message);
    auto id = Store(item, *plan, counts);
    if (!id) {
      if (id.error().code == ErrorCode::kInvalidArgument || id.error().code == ErrorCode::kConflict)
        return Skip(counts, what, id.error().message);
      return id.error();
    }
    if (auto st = Furnish(item, *plan, *id); !st) return st;
    return ImportComments(c_, *id, item, what);
  }

  // The addresses of categories, tags and attachment pages, once the posts are in.
  Status Finish() {
    c_.s.tags = static_cast<int>(c_.index.categories.size() + c_.index.tags.size());
    for (const auto& [slug, term] : c_.index.categories) {
      if (!Used(term.name)) continue;
      std::string path;
      for (const WxrTerm* t : c_.index.CategoryChain(slug)) path = t->slug + "/" + path;
      content::Redirect to{"", std::nullopt, TagPath(term.name)};
      if (auto st = c_.Redirect("/category/" + path, to); !st) return st;
      if (auto st = c_.Redirect("/category/" + slug + "/", to); !st) return st;
      if (term.id > 0)
        if (auto st = c_.Redirect("/?cat=" + std::to_string(term.id), to); !st) return st;
    }
    for (const auto& term : c_.index.tags) {
      if (!Used(term.name)) continue;
      content::Redirect to{"", std::nullopt, TagPath(term.name)};
      if (auto st = c_.Redirect("/tag/" + term.slug + "/", to); !st) return st;
      if (auto st = c_.Redirect("/?tag=" + term.slug, to); !st) return st;
    }
    for (const auto& [id, a] : c_.index.attachments) {
      if (a.parent <= 0) continue;
      auto article = c_.t.ledger.Find(c_.Key("post", a.parent));
      if (!article) return article.error();
      if (!*article) continue;
      content::Redirect to{"", **article, ""};
      if (auto st = c_.Redirect("/?attachment_id=" + std::to_string(id), to); !st) return st;
      if (!a.link.empty() && a.link.find('?') == std::string::npos)
        if (auto st = c_.Redirect(a.link, to); !st) return st;
    }
    for (const auto& [slug, term] : c_.index.categories)
      if (term.parent_slug.empty() && c_.t.store.FindTag(text::Slugify(InlineText(term.name))))
        c_.s.top_categories.push_back(InlineText(term.name));
    if (auto st = menu_.Resolve(); !st) return st;
    return AuthorBios();
  }

 private:
  // Whether an imported post carries the term (an unused one has no Gazette page to lead to).
  bool Used(const std::string& name) {
    if (c_.t.store.FindTag(text::Slugify(InlineText(name)))) return true;
    ++c_.s.terms_unused;
    return false;
  }

  Status Skip(KindCounts& counts, const std::string& what, const std::string& reason) {
    ++counts.skipped;
    c_.s.skipped.push_back({what, reason});
    return Status::Ok();
  }

  // Authors with an e-mail become users of the newsroom: role author, no password, disabled
  // until an administrator enables them (`gazette user enable`), so that nobody can sign in as
  // an imported author by accident.
  Status ImportUsers() {
    for (const WxrAuthor& a : c_.index.authors) {
      const std::string email(text::Trim(a.email));
      if (email.empty()) {
        c_.s.notes.push_back("author " + a.login + " has no e-mail: a byline only, no user");
        continue;
      }
      auto found = c_.t.users.FindByEmail(email);
      if (found) {
        ++c_.s.users.unchanged;
        continue;
      }
      if (found.error().code != ErrorCode::kNotFound) return found.error();
      accounts::User u;
      u.email = email;
      u.name = c_.index.DisplayName(a.login);
      u.role = accounts::Role::kAuthor;
      u.disabled = true;
      u.created_at = c_.now;
      auto inserted = c_.t.users.Insert(u);
      if (!inserted) {
        if (inserted.error().code != ErrorCode::kInvalidArgument) return inserted.error();
        ++c_.s.users.skipped;
        c_.s.skipped.push_back({"author " + a.login, inserted.error().message});
        continue;
      }
      ++c_.s.users.imported;
    }
    return Status::Ok();
  }

  Status AuthorBios() {
    for (const WxrAuthor& a : c_.index.authors) {
      const std::string bio(text::Trim(a.description));
      if (bio.empty()) continue;
      auto profile = c_.t.articles.GetAuthor(text::Slugify(c_.index.DisplayName(a.login)));
      if (!profile || !profile->bio.empty()) continue;  // not in a byline, or written here already
      if (auto st = c_.t.articles.UpdateAuthorProfile(profile->author.slug, bio, profile->photo_media_id); !st)
        c_.s.notes.push_back("author " + a.login + ": biography not kept: " + st.error().message);
    }
    return Status::Ok();
  }

  // Creates the article, or brings the one this post became last time up to date.
  Result<content::ArticleId> Store(const WxrItem& item, const PostPlan& plan, KindCounts& counts) {
    const content::ArticleDraft& d = plan.draft;
    const std::int64_t wp_id = ItemId(item);
    std::optional<content::Article> existing;
    if (wp_id > 0) {
      auto known = c_.t.ledger.Find(c_.Key("post", wp_id));
      if (!known) return known.error();
      if (*known) {
        auto article = c_.t.store.FindById(**known);
        if (article) existing = std::move(*article);
        else if (article.error().code != ErrorCode::kNotFound) return article.error();
      }
    } else if (!d.slug.empty()) {
      auto article = c_.t.store.FindBySlug(text::Slugify(d.slug));
      if (article && article->kind == d.kind) existing = std::move(*article);
    }
    if (!existing) {
      auto created = c_.t.articles.Create(d);
      if (!created) return created.error();
      if (wp_id > 0)
        if (auto st = c_.t.ledger.Put(c_.Key("post", wp_id), created->id); !st) return st.error();
      if (plan.schedule)
        if (auto st = c_.t.editorial.Schedule(created->id, *plan.schedule); !st) return st.error();
      ++counts.imported;
      return created->id;
    }
    bool changed = false;
    if (!SameText(*existing, d)) {
      content::ArticleEdit edit;
      edit.title = d.title;
      edit.markdown = d.markdown;
      edit.tags = d.tags;
      edit.authors = d.authors;
      edit.excerpt = d.excerpt;
      if (auto st = c_.t.articles.Update(existing->id, edit); !st) return st.error();
      changed = true;
    }
    if (d.status == content::ArticleStatus::kPublished) {
      const UnixTime when = d.published_at.value_or(existing->published_at);
      if (!existing->IsPublished() || existing->published_at != when) {
        if (auto st = c_.t.articles.Publish(existing->id, when); !st) return st.error();
        changed = true;
      }
    } else if (existing->IsPublished()) {
      if (auto st = c_.t.articles.Unpublish(existing->id); !st) return st.error();
      changed = true;
    }
    if (plan.schedule) {
      auto it = schedules_.find(existing->id);
      if (it == schedules_.end() || it->second != *plan.schedule) {
        if (auto st = c_.t.editorial.Schedule(existing->id, *plan.schedule); !st) return st.error();
        changed = true;
      }
    }
    ++(changed ? counts.updated : counts.unchanged);
    return existing->id;
  }

  // What goes with a stored post: its featured image, closed comments and old addresses.
  Status Furnish(const WxrItem& item, const PostPlan& plan, content::ArticleId id) {
    auto article = c_.t.store.FindById(id);
    if (!article) return article.error();
    if (const std::string thumb = item.Meta("_thumbnail_id"); !thumb.empty()) {
      const std::int64_t attachment = std::atoll(thumb.c_str());
      auto image = uploads_.ForAttachment(attachment);
      if (!image) {
        c_.s.notes.push_back("\"" + article->title + "\": featured image " + thumb +
                             (c_.t.media && !c_.o.media_dir.empty() ? " not found in the uploads folder"
                                                                    : " not imported (no --media-dir)"));
      } else if (!article->featured_image || article->featured_image->media_id != image->id) {
        const AttachmentInfo& a = c_.index.attachments.at(attachment);
        content::FeaturedImage f{image->id, a.alt.empty() ? (a.title.empty() ? article->title : a.title) : a.alt,
                                 std::string(text::Trim(a.caption))};
        if (auto st = c_.t.editorial.SetFeaturedImage(id, f); !st) return st;
      }
    }
    if (plan.comments_closed) {
      auto commenting = c_.t.comments.Commenting(id);
      if (!commenting) return commenting.error();
      if (*commenting != comments::ArticleCommenting::kClosed)
        if (auto st = c_.t.comments.SetCommenting(id, comments::ArticleCommenting::kClosed); !st) return st;
    }
    const std::string own = c_.t.permalink ? content::NormaliseRedirectSource(c_.t.permalink->PathFor(*article)) : "";
    for (const auto& from : plan.old_addresses)
      if (auto st = c_.Redirect(from, content::Redirect{"", id, ""}, own); !st) return st;
    return Status::Ok();
  }

  ImportContext& c_;
  UploadsFolder uploads_;
  MenuItems menu_;
  std::map<content::ArticleId, UnixTime> schedules_;
};

}  // namespace

Result<WxrImportSummary> ImportWxr(const WxrTargets& targets, const std::string& path, const WxrImportOptions& options,
                                   const std::function<void(std::size_t, std::size_t)>& progress) {
  auto index = IndexWxr(path, options.limits);
  if (!index) return index.error();
  WxrImportSummary summary;
  summary.site_title = index->site.title;
  summary.wxr_version = index->site.wxr_version;
  summary.custom_taxonomies = index->custom_terms;
  ImportContext context{targets, options, *index, summary, targets.clock.Now()};
  Importer importer(context);
  if (auto st = importer.Start(); !st) return st.error();
  auto reader = WxrReader::Open(path, options.limits);
  if (!reader) return reader.error();
  std::size_t done = 0;
  for (;;) {
    auto record = (*reader)->Next();
    if (!record) return record.error();
    if (!*record) break;
    auto* item = std::get_if<WxrItem>(&**record);
    if (!item) continue;
    if (auto st = importer.ImportItem(*item); !st) return st.error();
    progress(++done, index->items);
  }
  if (auto st = importer.Finish(); !st) return st.error();
  return summary;
}

}  // namespace gazette::imports::wordpress
