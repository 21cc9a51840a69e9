// ArticlePages::StoredRedirect: the redirects of content/redirects.h, answered on the 404 path so
// that a stored redirect never hides a page that exists.
#include <string>

#include "common/text.h"
#include "http/article_pages.h"

namespace gazette::http {

std::optional<Response> ArticlePages::StoredRedirect(const Request& req) const {
  if (req.target.size() > content::kMaxRedirectBytes) return std::nullopt;
  auto found = d_.redirects.Find(content::NormaliseRedirectSource(req.target));
  if (!found) return Failed(found.error());
  if (!*found) return std::nullopt;
  const content::Redirect& redirect = **found;
  // Cached with 'redirects' (any redirect changed) and 'lists' (any article changed: a page or
  // article may now exist at this address, or the target's address moved).
  std::vector<std::string> tags = {"redirects", "lists"};
  std::string location = redirect.to;
  if (redirect.article) {
    auto article = d_.articles.Get(*redirect.article);
    if (!article && article.error().code != ErrorCode::kNotFound) return Failed(article.error());
    if (!article || !article->IsPublished()) return NotFound();
    location = text::EncodePath(d_.site.Current()->permalink.PathFor(*article));
    tags.push_back("article:" + std::to_string(article->id));
  }
  Response r = Response::Redirect(301, std::move(location));
  r.Header("Cache-Control", kPageCacheControl);
  r.route = "redirect";
  r.cache_tags = std::move(tags);
  return r;
}

}  // namespace gazette::http
