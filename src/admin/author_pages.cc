// AuthorPages: requests become a slug and form values before the article service is called.
#include "admin/author_pages.h"

#include "common/numbers.h"
#include "common/text.h"
#include "content/authors.h"
#include "http/errors.h"

namespace gazette::admin {

bool AuthorPages::MayEdit(const Visitor& v, const content::AuthorProfile& author) {
  return accounts::CanEditOthersArticles(v.user) || text::Slugify(v.user.name) == author.author.slug;
}

http::Response AuthorPages::AuthorsPage(const Visitor& v) const {
  auto all = articles_.ListAuthors();
  if (!all) return kit_.ErrorPage(all.error(), &v);
  ViewData page;
  ViewData rows{ViewData::type::list};
  for (const auto& a : *all) {
    ViewData row;
    row.set("name", a.author.name);
    row.set("slug", a.author.slug);
    row.set("published", std::to_string(a.published));
    row.set("public_path", content::AuthorPath(a.author));
    if (MayEdit(v, a)) row.set("can_edit", true);
    rows.push_back(row);
  }
  page.set("authors", rows);
  if (all->empty()) page.set("none", true);
  return kit_.Page(200, "authors", "Authors", page, &v);
}

http::Response AuthorPages::EditPage(const Visitor& v, const std::string& slug) const {
  auto author = articles_.GetAuthor(slug);
  if (!author) return kit_.ErrorPage(author.error(), &v);
  if (!MayEdit(v, *author))
    return kit_.ErrorPage(403, "Not allowed", "Your role allows you to edit your own profile.", &v);
  return Form(v, *author, author->bio, author->photo_media_id ? std::to_string(*author->photo_media_id) : "", "", "",
              200);
}

http::Response AuthorPages::PostProfile(const Visitor& v, const std::string& slug, const admin::Form& form) const {
  auto author = articles_.GetAuthor(slug);
  if (!author) return kit_.ErrorPage(author.error(), &v);
  if (!MayEdit(v, *author))
    return kit_.ErrorPage(403, "Not allowed", "Your role allows you to edit your own profile.", &v);
  const std::string bio = FormValue(form, "bio");
  const std::string photo = FormValue(form, "photo");
  std::optional<std::int64_t> photo_id;
  if (!photo.empty() && photo != "0") {
    photo_id = ParseId(photo);
    if (!photo_id || !media_.Find(*photo_id))
      return Form(v, *author, bio, photo, "", "There is no such image in the media library.", 422);
  }
  if (auto st = articles_.UpdateAuthorProfile(author->author.slug, bio, photo_id); !st)
    return Form(v, *author, bio, photo, "", st.error().message, http::StatusFor(st.error().code));
  auto saved = articles_.GetAuthor(author->author.slug);
  if (!saved) return kit_.ErrorPage(saved.error(), &v);
  return Form(v, *saved, saved->bio, photo_id ? std::to_string(*photo_id) : "", "Saved. The author page shows it now.",
              "", 200);
}

http::Response AuthorPages::Form(const Visitor& v, const content::AuthorProfile& author, const std::string& bio,
                                 const std::string& photo, const std::string& notice, const std::string& error,
                                 int status) const {
  ViewData page;
  page.set("name", author.author.name);
  page.set("slug", author.author.slug);
  page.set("public_path", content::AuthorPath(author.author));
  page.set("bio", text::SanitizeUtf8(bio));
  ViewData choices{ViewData::type::list};
  ViewData none;
  none.set("value", "0");
  none.set("label", "No photo");
  if (photo.empty() || photo == "0") none.set("selected", true);
  choices.push_back(none);
  if (auto items = media_.List())
    for (const auto& item : *items) {
      ViewData c;
      c.set("value", std::to_string(item.id));
      c.set("label", (item.alt.empty() ? "Image " + std::to_string(item.id) : item.alt) + " (" +
                         std::to_string(item.width) + "×" + std::to_string(item.height) + ")");
      if (photo == std::to_string(item.id)) c.set("selected", true);
      choices.push_back(c);
    }
  page.set("photos", choices);
  if (!notice.empty()) page.set("notice", notice);
  if (!error.empty()) page.set("error", error);
  return kit_.Page(status, "author", "Author: " + author.author.name, page, &v);
}

}  // namespace gazette::admin
