// The reader's search (/search, /search.json) and the related block as JSON (/related.json).
// The request becomes a plain SearchRequest here; results are never cached for now (no-store).
#include "http/search_pages.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/numbers.h"
#include "common/text.h"
#include "http/errors.h"

namespace gazette::http {
namespace {

constexpr const char* kNoStore = "no-store";
constexpr std::size_t kRelatedExcerptChars = 90;  // as the related block on article pages
constexpr std::size_t kResultExcerptChars = 200;

search::SearchRequest ToSearchRequest(const Request& req) {
  return {req.Query("q").value_or(""), req.Query("tag").value_or(""), req.Query("from").value_or(""),
          req.Query("to").value_or(""), req.Query("page").value_or(""), req.Query("author").value_or("")};
}

// The address of page `n` of the same search, or "" when there is no such page.
std::string PageUrl(const std::string& path, const search::SearchPage& p, int n) {
  if (n < 1 || n > p.total_pages) return "";
  std::string url = path + "?q=" + text::EncodeQueryValue(p.query.input);
  if (!p.tag_slug.empty()) url += "&tag=" + text::EncodeQueryValue(p.tag_slug);
  if (!p.author_slug.empty()) url += "&author=" + text::EncodeQueryValue(p.author_slug);
  if (!p.from.empty()) url += "&from=" + p.from;
  if (!p.to.empty()) url += "&to=" + p.to;
  if (n > 1) url += "&page=" + std::to_string(n);
  return url;
}

nlohmann::json TagJson(const std::optional<content::Tag>& tag) {
  if (!tag) return nullptr;
  return {{"name", tag->name}, {"slug", tag->slug}, {"url", text::EncodePath("/tag/" + tag->slug + "/")}};
}

nlohmann::json SummaryJson(const content::Permalink& permalink, const content::ArticleSummary& a,
                           std::size_t excerpt_chars) {
  return {{"id", a.id},
          {"title", a.title},
          {"url", text::EncodePath(permalink.PathFor(a))},
          {"excerpt", text::Excerpt(a.excerpt, excerpt_chars)},
          {"author", a.author},
          {"published_at", FormatIso8601(a.published_at)},
          {"tag", TagJson(a.primary_tag)}};
}

Response Json(int status, const nlohmann::json& body, const char* route) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  r.Header("Cache-Control", kNoStore);
  r.route = route;
  return r;
}

Response JsonError(int status, const std::string& message, const char* route) {
  return Json(status, {{"error", message}}, route);
}

Response JsonError(const Error& error, const std::string& message, const char* route) {
  Response r = JsonError(StatusFor(error.code), message, route);
  MarkAsError(r, error.code);
  return r;
}

}  // namespace

Response SearchPages::SearchPage(const Request& req) const {
  const auto site = d_.site.Current();
  auto page = d_.search.Search(ToSearchRequest(req), site->settings.page_size);
  if (!page) {
    spdlog::error("search: {}", page.error().message);
    Response r = ErrorPage(StatusFor(page.error().code), "Search is unavailable",
                           "We could not search the articles just now. Please try again in a moment.");
    MarkAsError(r, page.error().code);
    r.route = "search";
    return r;
  }
  themes::SearchView view;
  view.page = &*page;
  if (auto tags = d_.articles.ListTags()) view.tags = std::move(*tags);
  if (auto authors = d_.articles.ListAuthors())
    for (auto& a : *authors) view.authors.push_back(std::move(a.author));
  view.prev_url = PageUrl("/search", *page, page->page - 1);
  view.next_url = PageUrl("/search", *page, page->page + 1);
  Response r;
  r.body = d_.renderer.Search(site->settings, site->permalink, view);
  r.Header("Cache-Control", kNoStore);
  r.route = "search";
  return r;
}

Response SearchPages::SearchJson(const Request& req) const {
  const auto site = d_.site.Current();
  auto page = d_.search.Search(ToSearchRequest(req), site->settings.page_size);
  if (!page) {
    spdlog::error("search: {}", page.error().message);
    return JsonError(page.error(), "We could not search the articles just now.", "search_json");
  }
  nlohmann::json results = nlohmann::json::array();
  for (const auto& h : page->hits) {
    nlohmann::json j = SummaryJson(site->permalink, h.article, kResultExcerptChars);
    j["title_html"] = search::HighlightToHtml(h.title).str();
    j["snippet"] = search::PlainText(h.snippet);
    j["snippet_html"] = search::HighlightToHtml(h.snippet).str();
    j["score"] = h.score;
    results.push_back(std::move(j));
  }
  auto url_or_null = [](std::string url) -> nlohmann::json {
    return url.empty() ? nlohmann::json() : nlohmann::json(url);
  };
  nlohmann::json body = {
      {"query", page->query.text},
      {"input", page->query.input},
      {"searched", page->searched},
      {"tag", page->tag_slug},
      {"author", page->author_slug},
      {"from", page->from},
      {"to", page->to},
      {"total", page->total},
      {"ranked", page->ranked},
      {"page", page->page},
      {"page_size", page->page_size},
      {"total_pages", page->total_pages},
      {"matched_any", page->matched_any},
      {"notes", page->notes},
      {"results", std::move(results)},
      {"prev", url_or_null(PageUrl("/search.json", *page, page->page - 1))},
      {"next", url_or_null(PageUrl("/search.json", *page, page->page + 1))},
  };
  return Json(200, body, "search_json");
}

Response SearchPages::RelatedJson(const Request& req) const {
  const auto site = d_.site.Current();
  const std::string ref = req.Query("article").value_or("");
  if (ref.empty()) return JsonError(400, "Say which article: /related.json?article=ID or slug", "related_json");
  auto id = ParseId(ref);
  auto article = id ? d_.articles.Get(*id) : d_.articles.GetPublished(ref);
  if (!article && article.error().code != ErrorCode::kNotFound)
    return JsonError(article.error(), "We could not read the article just now.", "related_json");
  // A page has no related list (and is in none).
  if (!article || !article->IsPublished() || article->IsPage()) return JsonError(404, "No such article.", "related_json");
  auto related = d_.related.For(article->id);
  if (!related) return JsonError(related.error(), "Related articles are unavailable.", "related_json");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : *related) list.push_back(SummaryJson(site->permalink, r, kRelatedExcerptChars));
  return Json(
      200,
      {{"article",
        {{"id", article->id}, {"title", article->title}, {"url", text::EncodePath(site->permalink.PathFor(*article))}}},
       {"related", std::move(list)}},
      "related_json");
}

}  // namespace gazette::http
