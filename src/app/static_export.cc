// StaticExport: a crawl of the site through the in-process router, on a small pool of threads.
#include "app/static_export.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_set>

#include "app/page_links.h"
#include "app/site.h"
#include "common/text.h"
#include "exports/file_tree.h"
#include "exports/nginx_map.h"
#include "exports/static_layout.h"
#include "exports/static_manifest.h"
#include "http/compression.h"
#include "http/server.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;
using exports::FileTree;

// Addresses that only a live server can answer (forms, tokens, APIs, the newsroom): never
// exported even when a page links them.
bool LiveOnly(const std::string& path) {
  for (const char* prefix : {"/admin", "/api/", "/wp-json", "/comments/token", "/healthz", "/metrics", "/oembed",
                             "/search.json", "/related.json"})
    if (path.starts_with(prefix)) return true;
  return path == "/comments";
}

http::Response Get(const Server& server, const std::string& path) {
  http::Request req;
  req.method = "GET";
  req.target = text::EncodePath(path);
  req.path = path;
  req.remote_ip = "127.0.0.1";
  return server.Handle(req);
}

class Crawl {
 public:
  Crawl(Server& server, const FileTree& tree, exports::CommentFormTarget comment_form)
      : server_(server), tree_(tree), site_url_(server.SiteUrl()), comment_form_(std::move(comment_form)) {}

  void Add(const std::string& path) {
    std::lock_guard lock(mutex_);
    AddLocked(path);
  }

  // Runs `threads` workers until no address is left; returns the first I/O failure, if any.
  Status Run(int threads) {
    std::vector<std::thread> pool;
    for (int i = 0; i < std::max(1, threads); ++i) pool.emplace_back([this] { Work(); });
    for (auto& t : pool) t.join();
    if (failure_) return *failure_;
    return Status::Ok();
  }

  std::set<std::string>& files() { return files_; }
  StaticExportReport& report() { return report_; }

 private:
  void AddLocked(const std::string& path) {
    if (LiveOnly(path) || !seen_.insert(path).second) return;
    queue_.push_back(path);
    wake_.notify_one();
  }

  void Work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return !queue_.empty() || busy_ == 0 || failure_; });
      if (failure_ || queue_.empty()) break;
      const std::string path = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
      lock.unlock();
      Outcome out = Export(path);
      lock.lock();
      --busy_;
      Merge(path, out);
      wake_.notify_all();
    }
    wake_.notify_all();
  }

  struct Outcome {
    bool exported = false;
    std::optional<Error> failure;
    int written = 0, unchanged = 0;
    std::vector<std::string> files, links;
  };

  Outcome Export(const std::string& path) {
    Outcome out;
    const http::Response res = Get(server_, path);
    if (res.status != 200) return out;
    const std::string& answered = res.shared_body ? *res.shared_body : res.body;
    const bool html = res.content_type.starts_with("text/html") &&
                      comment_form_.mode != exports::CommentFormTarget::Mode::kSameOrigin;
    const std::string pointed = html ? exports::PointCommentForm(answered, comment_form_) : std::string();
    const std::string& body = html ? pointed : answered;
    const auto rel = exports::FilePathFor(path, res.content_type);
    if (!rel) return out;
    // The compressed copies first: when the file itself is unchanged, its copies were written by
    // an earlier run before it, so they need no new compression.
    const bool same = tree_.Has(*rel) && tree_.Read(*rel) == body;
    if (exports::Compressible(res.content_type)) {
      for (auto [ext, encode] : {std::pair{".gz", &http::Gzip}, {".br", &http::Brotli}}) {
        const std::string crel = *rel + ext;
        out.files.push_back(crel);
        if (same && tree_.Has(crel)) {
          ++out.unchanged;
          continue;
        }
        if (!Count(tree_.Put(crel, encode(body)), out)) return out;
      }
    }
    out.files.push_back(*rel);
    if (same)
      ++out.unchanged;
    else if (!Count(tree_.Put(*rel, body), out))
      return out;
    out.exported = true;
    Links(path, res.content_type, body, out.links);
    return out;
  }

  static bool Count(const Result<FileTree::Outcome>& r, Outcome& out) {
    if (!r) {
      out.failure = r.error();
      return false;
    }
    (*r == FileTree::Outcome::kWritten ? out.written : out.unchanged)++;
    return true;
  }

  void Links(const std::string& path, const std::string& type, const std::string& body,
             std::vector<std::string>& links) const {
    std::vector<std::string> raw;
    if (type.starts_with("text/html"))
      raw = HtmlLinks(body);
    else if (path.starts_with("/sitemap") || path.ends_with("sitemap.xml"))
      raw = SitemapLocations(body);
    for (const auto& link : raw)
      if (auto local = LocalPath(link, path, site_url_)) links.push_back(std::move(*local));
    // Every tag's and author's archive has its feeds, linked from its head or not.
    if ((path.starts_with("/tag/") || path.starts_with("/author/")) && path.ends_with("/") &&
        std::count(path.begin(), path.end(), '/') == 3)
      for (const char* feed : {"feed/", "feed/atom/", "feed.json"}) links.push_back(path + feed);
  }

  void Merge(const std::string& path, Outcome& out) {
    if (out.failure && !failure_) failure_ = out.failure;
    if (out.exported)
      ++report_.files;
    else if (!out.failure) {
      ++report_.skipped;
      spdlog::debug("not exported: {}", path);
    }
    report_.written += out.written;
    report_.unchanged += out.unchanged;
    for (auto& f : out.files) files_.insert(std::move(f));
    for (const auto& link : out.links) AddLocked(link);
  }

  Server& server_;
  const FileTree& tree_;
  const std::string site_url_;
  const exports::CommentFormTarget comment_form_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> queue_;
  std::unordered_set<std::string> seen_;
  int busy_ = 0;
  std::optional<Error> failure_;
  std::set<std::string> files_;
  StaticExportReport report_;
};

// Where the crawl starts: what no page links (robots.txt, the sitemaps, the feeds' variants), the
// theme's files, and every tag and author with articles (their archives link on from there).
void Seed(Server& server, Crawl& crawl) {
  for (const char* path : {"/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml", "/feed/", "/feed/atom/",
                           "/feed.json", "/favicon.ico", "/search"})
    crawl.Add(path);
  std::error_code ec;
  const fs::path dir = server.StaticDir();
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file()) crawl.Add("/static/" + fs::relative(it->path(), dir).generic_string());
  content::ArticleRepository& articles = server.site().article_store();
  if (auto tags = articles.ListTags())
    for (const auto& t : *tags) crawl.Add("/tag/" + t.slug + "/");
  if (auto authors = articles.ListAuthors())
    for (const auto& a : *authors)
      if (a.published > 0) crawl.Add("/author/" + a.author.slug + "/");
}

// redirects.map ($uri: paths) and redirects-query.map ($request_uri: "/?p=12"), each target
// asked of the router so that an article's redirect leads to its current address.
Result<int> WriteRedirects(Server& server, const FileTree& tree, std::set<std::string>& files) {
  auto list = server.site().redirects().List();
  if (!list) return list.error();
  std::vector<exports::MapEntry> paths, queries;
  const std::string origin = server.SiteUrl();
  for (const auto& r : *list) {
    http::Request req;
    req.method = "GET";
    req.target = r.from;
    if (!http::ParseTarget(r.from, req)) continue;
    const http::Response res = server.Handle(req);
    if (res.status != 301 && res.status != 308) continue;
    std::string to;
    for (const auto& [name, value] : res.headers)
      if (text::AsciiLower(name) == "location") to = value;
    if (to.starts_with(origin + "/")) to = to.substr(origin.size());
    (r.from.find('?') == std::string::npos ? paths : queries).push_back({r.from, to});
  }
  int skipped = 0, skipped_query = 0;
  for (auto [name, entries, skip] : {std::tuple{"redirects.map", &paths, &skipped},
                                     {"redirects-query.map", &queries, &skipped_query}}) {
    auto put = tree.Put(name, exports::NginxMap(*entries, skip));
    if (!put) return put.error();
    files.insert(name);
  }
  return static_cast<int>(paths.size() + queries.size()) - skipped - skipped_query;
}

}  // namespace

Result<StaticExportReport> ExportStatic(Server& server, const StaticExportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto tree = FileTree::Create(options.dir);
  if (!tree) return tree.error();
  std::set<std::string> before;
  if (auto text = tree->Read(exports::kManifestName)) {
    auto parsed = exports::ParseManifest(*text);
    if (!parsed) return parsed.error();
    before = std::move(*parsed);
  }
  Crawl crawl(server, *tree, options.comment_form);
  Seed(server, crawl);
  if (auto st = crawl.Run(options.threads); !st) return st.error();
  StaticExportReport report = crawl.report();
  auto redirects = WriteRedirects(server, *tree, crawl.files());
  if (!redirects) return redirects.error();
  report.redirects = *redirects;
  for (const auto& gone : exports::RemovedFiles(before, crawl.files())) {
    if (auto st = tree->Remove(gone); !st) return st.error();
    ++report.removed;
  }
  if (auto put = tree->Put(exports::kManifestName, exports::ManifestJson(crawl.files())); !put) return put.error();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace gazette::app
