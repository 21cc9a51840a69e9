// Article webhooks: the payload a CDN can purge from, and their delivery. Failures are logged and
// retried; nothing here can stop the server.
#include "newsroom/article_webhooks.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

#include "common/text.h"
#include "content/authors.h"

namespace gazette::newsroom {
namespace {

const char* const kFeedsUnder[] = {"feed/", "feed/atom/", "feed.json"};

void AddPageAndFeeds(std::vector<std::string>& out, const std::string& base) {
  out.push_back(base);
  for (const char* f : kFeedsUnder) out.push_back(base + f);
}

std::vector<std::string> SplitUrls(std::string v) {
  for (char& c : v)
    if (c == '\n' || c == '\r') c = ',';
  std::vector<std::string> out;
  for (auto& item : text::SplitTrimmed(v, ','))
    if (!item.empty()) out.push_back(std::string(item));
  return out;
}

}  // namespace

std::vector<std::string> PurgePaths(const ArticleEvent& e, const content::Article& a,
                                    const content::Permalink& permalink) {
  content::Article at = a;  // the address the event names
  at.slug = e.slug;
  at.published_at = e.published_at;
  std::vector<std::string> paths = {text::EncodePath(permalink.PathFor(at))};
  if (!e.old_slug.empty()) {
    at.slug = e.old_slug;
    paths.push_back(text::EncodePath(permalink.PathFor(at)));
  }
  AddPageAndFeeds(paths, "/");
  for (const auto& t : a.tags) AddPageAndFeeds(paths, text::EncodePath("/tag/" + t.slug + "/"));
  for (const auto& au : a.authors) AddPageAndFeeds(paths, content::AuthorPath(au));
  std::set<std::string> seen;
  std::erase_if(paths, [&](const std::string& p) { return !seen.insert(p).second; });
  return paths;
}

std::string ArticlePayload(const ArticleEvent& e, const content::Article& a, const content::SiteView& site) {
  const auto paths = PurgePaths(e, a, site.permalink);
  nlohmann::json urls = nlohmann::json::array();
  for (const auto& p : paths) urls.push_back(site.settings.url + p);
  nlohmann::json j = {{"event", e.event},
                      {"delivery", e.id},
                      {"at", FormatIso8601(e.created_at)},
                      {"article",
                       {{"id", a.id},
                        {"kind", content::ToString(a.kind)},
                        {"slug", e.slug},
                        {"url", site.settings.url + paths.front()},
                        {"title", a.title},
                        {"published_at", FormatIso8601(e.published_at)}}},
                      {"purge", paths},
                      {"purge_urls", std::move(urls)}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<ArticleWebhookSettings> LoadArticleWebhookSettings(const content::SettingsRepository& settings) {
  auto urls = settings.Get("site.webhook_urls");
  if (!urls) return urls.error();
  auto secret = settings.Get("site.webhook_secret");
  if (!secret) return secret.error();
  return ArticleWebhookSettings{SplitUrls(urls->value_or("")), secret->value_or("")};
}

void ArticleWebhookSender::Start(int poll_ms) {
  loop_.Start(std::chrono::milliseconds(poll_ms),
              {[this] { DeliverDue(); },
               [this] {
                 if (auto st = outbox_.PruneFinished(clock_.Now() - comments::kKeepFinishedEventsSeconds); !st)
                   spdlog::warn("pruning the article webhook outbox: {}", st.error().message);
               },
               [](const std::exception& e) { spdlog::error("article webhooks: {}", e.what()); }});
}

void ArticleWebhookSender::Stop() { loop_.Stop(); }

int ArticleWebhookSender::DeliverDue() {
  auto s = LoadArticleWebhookSettings(settings_);
  if (!s) return 0;
  if (s->urls.empty()) {
    (void)outbox_.DiscardWaiting();
    return 0;
  }
  auto due = outbox_.Due(clock_.NowMs(), 50);
  if (!due) {
    spdlog::warn("article webhook outbox: {}", due.error().message);
    return 0;
  }
  for (const auto& e : *due) Deliver(e, *s);
  return static_cast<int>(due->size());
}

// Every URL gets the event; a failure at any of them retries it for all (receivers deduplicate
// by X-Gazette-Delivery).
void ArticleWebhookSender::Deliver(const ArticleEvent& e, const ArticleWebhookSettings& s) {
  auto found = articles_.FindById(e.article_id);
  content::Article article;  // deleted since: its id and address are in the event, but not its tags
  article.id = e.article_id;
  if (found) article = std::move(*found);
  const std::string body = ArticlePayload(e, article, *site_.Current());
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/json"},
      {"User-Agent", "Gazette-Webhooks/1"},
      {"X-Gazette-Event", e.event},
      {"X-Gazette-Delivery", "article-" + std::to_string(e.id)},
      {"X-Gazette-Signature", comments::WebhookSignature(s.secret, body)}};
  std::string failure;
  for (const auto& url : s.urls)
    if (auto st = transport_.Post(url, body, headers); !st) failure = url + ": " + st.error().message;
  const int attempts = e.attempts + 1;
  if (failure.empty()) {
    (void)outbox_.Finish(e.id, true, attempts);
  } else if (attempts >= comments::kWebhookMaxAttempts) {
    spdlog::error("webhook {} #{} failed {} times, giving up: {}", e.event, e.id, attempts, failure);
    (void)outbox_.Finish(e.id, false, attempts);
  } else {
    spdlog::warn("webhook {} #{} failed (attempt {}), retrying in {} ms: {}", e.event, e.id, attempts,
                 comments::WebhookBackoffMs(attempts), failure);
    (void)outbox_.Retry(e.id, attempts, clock_.NowMs() + comments::WebhookBackoffMs(attempts));
  }
}

}  // namespace gazette::newsroom
