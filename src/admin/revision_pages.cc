// Revisions: every save is kept; an editor sees what changed since one and can restore it.
#include "admin/revision_pages.h"

#include "common/time.h"
#include "content/text_diff.h"

namespace gazette::admin {

namespace {

ViewData DiffData(std::string_view before, std::string_view after) {
  ViewData lines{ViewData::type::list};
  for (const auto& l : content::DiffLines(before, after)) {
    ViewData d;
    d.set("text", l.text.empty() ? std::string(" ") : l.text);
    if (l.op == content::DiffLine::Op::kAdded) d.set("added", true);
    if (l.op == content::DiffLine::Op::kRemoved) d.set("removed", true);
    if (l.op == content::DiffLine::Op::kSame) d.set("same", true);
    lines.push_back(d);
  }
  return lines;
}

}  // namespace

http::Response RevisionPages::RevisionsPage(const Visitor& v, content::ArticleId id,
                                            std::optional<std::int64_t> revision_id) const {
  auto e = editorial_.Get(id);
  if (!e) return kit_.ErrorPage(404, "Not found", "There is no such article.", &v);
  if (!accounts::CanEditArticle(v.user, e->owner, e->article.IsPublished()))
    return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to edit this article.", &v);
  ViewData page;
  page.set("id", std::to_string(id));
  page.set("article_title", e->article.title);
  if (!revision_id) {
    auto revisions = editorial_.Revisions(id);
    if (!revisions) return kit_.ErrorPage(revisions.error(), &v);
    ViewData rows{ViewData::type::list};
    for (const auto& r : *revisions) {
      ViewData row;
      row.set("article_id", std::to_string(id));
      row.set("revision", std::to_string(r.id));
      row.set("title", r.title);
      row.set("date", FormatIso8601(r.created_at));
      rows.push_back(row);
    }
    page.set("revisions", rows);
    return kit_.Page(200, "revisions", "Revisions: " + e->article.title, page, &v);
  }
  auto r = editorial_.GetRevision(id, *revision_id);
  if (!r) return kit_.ErrorPage(404, "Not found", "There is no such revision of this article.", &v);
  page.set("revision_id", std::to_string(r->id));
  page.set("date", FormatIso8601(r->created_at));
  page.set("title_diff", DiffData(r->title, e->article.title));
  page.set("body_diff", DiffData(r->markdown, e->article.markdown));
  return kit_.Page(200, "revision", "Revision of " + e->article.title, page, &v);
}

http::Response RevisionPages::PostRestoreRevision(const Visitor& v, content::ArticleId id,
                                                  std::int64_t revision_id) const {
  auto e = editorial_.Get(id);
  if (!e) return kit_.ErrorPage(404, "Not found", "There is no such article.", &v);
  if (!accounts::CanEditArticle(v.user, e->owner, e->article.IsPublished()))
    return kit_.ErrorPage(403, "Not allowed", "Your role does not allow you to edit this article.", &v);
  if (auto st = editorial_.RestoreRevision(id, revision_id, v.user.id); !st) {
    const int status = st.error().code == ErrorCode::kNotFound ? 404 : 422;
    return kit_.ErrorPage(status, "Not restored", st.error().message, &v);
  }
  return SeeOther("/admin/articles/" + std::to_string(id) + "/edit?saved=1");
}

}  // namespace gazette::admin
