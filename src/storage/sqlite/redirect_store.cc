// RedirectStore: one row per source; its triggers log 'redirects' in the change log, so that
// every server's cached 301s are dropped when a redirect is added, changed or removed.
#include "storage/sqlite/redirect_store.h"

namespace gazette::storage::sqlite {
namespace {

content::Redirect ReadRedirect(const Statement& st) {
  content::Redirect r;
  r.from = st.Text(0);
  if (!st.IsNull(1)) r.article = st.Int(1);
  if (!st.IsNull(2)) r.to = st.Text(2);
  return r;
}

}  // namespace

Status RedirectStore::Put(const content::Redirect& r) {
  if (auto st = content::CheckRedirect(r); !st) return st;
  auto st = db_.Prepare(
      "INSERT INTO redirects (source, article_id, target) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id, target = excluded.target");
  st.Bind(1, r.from).Bind(2, r.article);
  if (r.article)
    st.BindNull(3);
  else
    st.Bind(3, r.to);
  return st.Run();
}

Result<std::optional<content::Redirect>> RedirectStore::Find(std::string_view from) const {
  auto st = db_.Prepare("SELECT source, article_id, target FROM redirects WHERE source = ?1");
  st.Bind(1, from);
  return st.First(ReadRedirect);
}

Result<std::vector<content::Redirect>> RedirectStore::List() const {
  auto st = db_.Prepare("SELECT source, article_id, target FROM redirects ORDER BY source");
  return st.Collect(ReadRedirect);
}

Status RedirectStore::Remove(std::string_view from) {
  auto st = db_.Prepare("DELETE FROM redirects WHERE source = ?1");
  st.Bind(1, from);
  return st.Run();
}

}  // namespace gazette::storage::sqlite
