// WebSubPublisher: failures are logged and retried; nothing here can stop the server.
#include "feeds/websub.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "common/text.h"
#include "content/authors.h"
#include "feeds/feed.h"

namespace gazette::feeds {
namespace {

// 1 s, 2 s, 4 s, ... up to 10 minutes after `attempts` failures.
std::int64_t BackoffMs(int attempts) { return std::min<std::int64_t>(600'000, 1000LL << std::min(attempts - 1, 20)); }

void AddFeedsUnder(std::vector<std::string>& out, const std::string& site_url, const std::string& base) {
  for (FeedFormat format : kFeedFormats) out.push_back(site_url + text::EncodePath(FeedPathUnder(base, format)));
}

}  // namespace

std::vector<std::string> FeedsListing(const content::Article& article, const std::string& site_url) {
  std::vector<std::string> out;
  AddFeedsUnder(out, site_url, "/");
  for (const auto& tag : article.tags) AddFeedsUnder(out, site_url, "/tag/" + tag.slug + "/");
  for (const auto& author : article.authors) AddFeedsUnder(out, site_url, "/author/" + author.slug + "/");
  return out;
}

std::string PublishBody(const std::vector<std::string>& feeds) {
  std::string body = "hub.mode=publish";
  for (const auto& f : feeds) body += "&hub.url=" + text::EncodeQueryValue(f);  // form-encoding: unreserved bytes kept
  return body;
}

int WebSubPublisher::PingDue() {
  auto settings = content::LoadSiteSettings(settings_);
  if (!settings) return 0;
  auto due = queue_.Due(clock_.NowMs(), 200);
  if (!due || due->empty()) {
    if (!due) spdlog::warn("websub queue: {}", due.error().message);
    return 0;
  }
  std::vector<std::int64_t> ids;
  for (const auto& p : *due) ids.push_back(p.id);
  if (settings->websub_hub.empty()) {  // the hub was unset since: nobody to tell
    (void)queue_.Finish(ids);
    return static_cast<int>(ids.size());
  }
  std::set<std::string> seen;
  std::vector<std::string> feeds;
  std::set<content::ArticleId> articles;
  for (const auto& p : *due) articles.insert(p.article_id);
  for (content::ArticleId id : articles) {
    auto a = articles_.FindById(id);
    std::vector<std::string> listing =
        a ? FeedsListing(*a, settings->url) : FeedsListing(content::Article{}, settings->url);  // deleted: the site's
    for (auto& f : listing)
      if (seen.insert(f).second) feeds.push_back(std::move(f));
  }
  const int attempts =
      std::max_element(due->begin(), due->end(), [](const Ping& a, const Ping& b) { return a.attempts < b.attempts; })
          ->attempts +
      1;
  auto st = post_(settings->websub_hub, PublishBody(feeds),
                  {{"Content-Type", "application/x-www-form-urlencoded"}, {"User-Agent", "Gazette-WebSub/1"}});
  if (st) {
    (void)queue_.Finish(ids);
  } else if (attempts >= kMaxAttempts) {
    spdlog::error("websub hub {} failed {} times, giving up: {}", settings->websub_hub, attempts, st.error().message);
    (void)queue_.Finish(ids);
  } else {
    spdlog::warn("websub hub {} failed (attempt {}), retrying in {} ms: {}", settings->websub_hub, attempts,
                 BackoffMs(attempts), st.error().message);
    (void)queue_.Retry(ids, attempts, clock_.NowMs() + BackoffMs(attempts));
  }
  return static_cast<int>(ids.size());
}

void WebSubPublisher::Start(int poll_ms) {
  loop_.Start(std::chrono::milliseconds(poll_ms),
              {[this] { PingDue(); }, [this] { (void)queue_.PruneFinished(clock_.Now() - 7 * 86400); },
               [](const std::exception& e) { spdlog::error("websub publisher: {}", e.what()); }});
}

void WebSubPublisher::Stop() { loop_.Stop(); }

}  // namespace gazette::feeds
