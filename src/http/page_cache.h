// PageCache: rendered pages in memory, bounded in bytes (LRU), with request coalescing and exact
// invalidation by tag ("article:42", "lists", ...).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gazette::http {

// A compressed body of a cached page and its response head, made the first time a client asks
// for that encoding, so that memory goes only to the encodings readers use.
struct EncodedVariant {
  std::atomic<bool> made{false};                  // set (release) once body and head are final
  std::shared_ptr<const std::string> body, head;  // null when compressing did not make it smaller

  std::size_t Bytes() const;  // REQUIRES: made
};

// One cached page: its bodies are compressed once, on first demand, and shared (never copied)
// by every response that serves it.
struct CachedPage {
  int status = 200;
  std::string content_type;
  std::string cache_control;
  std::string route;                                         // for metrics
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers to send
  std::shared_ptr<const std::string> identity;
  std::shared_ptr<const std::string> identity_head;  // the HTTP/1.1 response head, serialised once
  bool compressible = false;                         // gzip and Brotli variants may be made
  mutable EncodedVariant gzip, brotli;
  mutable std::mutex encoding;  // held while a variant is made
  std::string etag;             // quoted, strong, of the identity body
  std::string last_modified;    // HTTP date of the render
  std::int64_t rendered_at = 0;
  std::vector<std::string> tags;  // what invalidates it
  std::int64_t epoch = 0;         // change-feed sequence seen before rendering

  // The memory the page holds: bodies and heads (by capacity, variants made so far), headers,
  // tags and allocation overhead.
  std::size_t Bytes() const;
};

struct PageCacheStats {
  std::uint64_t hits = 0, misses = 0, coalesced = 0, renders = 0, invalidations = 0, evictions = 0;
  std::size_t bytes = 0, entries = 0;
};

class PageCache {
 public:
  // `max_bytes` bounds the memory held by the cached pages and their index (Bytes()); `max_age`
  // bounds how long a page is served before it is rendered again (so that time-dependent parts,
  // such as the form token, stay fresh).
  PageCache(std::size_t max_bytes, std::chrono::seconds max_age) : max_bytes_(max_bytes), max_age_(max_age) {}

  // Returns the page to cache, or null when the response must not be cached (the render function
  // then keeps the response for its caller itself).
  using RenderFn = std::function<std::shared_ptr<const CachedPage>()>;

  // Returns the cached page for `key`, or renders it once however many callers ask at the same
  // time (the others wait for that render). Returns null when the render declined to cache; each
  // waiting caller then renders for itself. Thread-safe.
  std::shared_ptr<const CachedPage> GetOrRender(const std::string& key, std::int64_t now, const RenderFn& render);

  // Drops every page tagged `tag` (or everything for "all") and refuses pages rendered before
  // `epoch` for that tag, so a render that raced with the change is not stored.
  void Invalidate(const std::string& tag, std::int64_t epoch);

  // Adds `bytes` to the size of `page` while it is cached under `key` (a variant made after it
  // was stored), evicting older pages to stay within the bound. Nothing if it is no longer cached.
  void Grow(const std::string& key, const CachedPage* page, std::size_t bytes);

  PageCacheStats Stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedPage> page;
    std::int64_t stored_at = 0;
    std::size_t bytes = 0;  // what Store counted for it, page and index together
  };
  struct InFlight {
    bool done = false;
    std::shared_ptr<const CachedPage> page;
  };
  using Lru = std::list<Entry>;

  bool IsStale(const CachedPage& page) const;  // REQUIRES: mutex_ held
  void Store(const std::string& key, std::shared_ptr<const CachedPage> page,
             std::int64_t now);  // REQUIRES: mutex_ held
  void Erase(Lru::iterator it);  // REQUIRES: mutex_ held

  const std::size_t max_bytes_;
  const std::chrono::seconds max_age_;
  mutable std::mutex mutex_;
  std::condition_variable rendered_;
  Lru lru_;  // most recently used first
  std::unordered_map<std::string, Lru::iterator> index_;
  std::unordered_map<std::string, std::unordered_set<std::string>> tagged_;  // tag -> keys
  std::unordered_map<std::string, std::shared_ptr<InFlight>> in_flight_;
  std::unordered_map<std::string, std::int64_t> invalidated_at_;  // tag -> epoch of its last change
  std::int64_t all_invalidated_at_ = 0;
  std::size_t bytes_ = 0;
  PageCacheStats stats_;
};

}  // namespace gazette::http
