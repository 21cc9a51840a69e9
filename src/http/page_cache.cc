// PageCache: one mutex guards the LRU list, the index and the in-flight renders; renders run
// outside it.
#include "http/page_cache.h"

namespace gazette::http {

namespace {

constexpr std::size_t kMallocOverhead = 16;  // glibc's header and rounding, per allocation
constexpr std::size_t kNodeBytes = 64;       // a list, hash or set node with its bookkeeping

// The heap bytes behind a string: none when it fits in the string itself (short strings).
std::size_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 + kMallocOverhead : 0; }

// A body or head made with make_shared: the control block and the string, then its characters.
std::size_t SharedBytes(const std::shared_ptr<const std::string>& s) {
  return s ? sizeof(std::string) + 16 + kMallocOverhead + HeapBytes(*s) : 0;
}

// The index's share of an entry: its key in the LRU entry, the index and each tag's set.
std::size_t IndexBytes(const std::string& key, std::size_t tags) { return (2 + tags) * (kNodeBytes + HeapBytes(key)); }

}  // namespace

std::size_t EncodedVariant::Bytes() const { return SharedBytes(body) + SharedBytes(head); }

std::size_t CachedPage::Bytes() const {
  // Everything the page holds, not only its bodies, so that --cache-mb bounds real memory.
  std::size_t n = sizeof(CachedPage) + 16 + kMallocOverhead + SharedBytes(identity) + SharedBytes(identity_head);
  for (const auto* s : {&content_type, &cache_control, &route, &etag, &last_modified}) n += HeapBytes(*s);
  for (const auto* v : {&gzip, &brotli})
    if (v->made.load(std::memory_order_acquire)) n += v->Bytes();
  n += headers.capacity() * sizeof(headers[0]) + tags.capacity() * sizeof(tags[0]) + 2 * kMallocOverhead;
  for (const auto& [name, value] : headers) n += HeapBytes(name) + HeapBytes(value);
  for (const auto& tag : tags) n += HeapBytes(tag);
  return n;
}

bool PageCache::IsStale(const CachedPage& page) const {
  if (page.epoch < all_invalidated_at_) return true;
  for (const auto& tag : page.tags) {
    auto it = invalidated_at_.find(tag);
    if (it != invalidated_at_.end() && page.epoch < it->second) return true;
  }
  return false;
}

std::shared_ptr<const CachedPage> PageCache::GetOrRender(const std::string& key, std::int64_t now,
                                                         const RenderFn& render) {
  std::shared_ptr<InFlight> mine;
  {
    std::unique_lock lock(mutex_);
    auto it = index_.find(key);
    if (it != index_.end()) {
      if (now - it->second->stored_at < max_age_.count()) {
        lru_.splice(lru_.begin(), lru_, it->second);
        ++stats_.hits;
        return it->second->page;
      }
      Erase(it->second);
    }
    auto flight = in_flight_.find(key);
    if (flight != in_flight_.end()) {
      // Someone is rendering this page: wait for their result rather than render it again.
      auto theirs = flight->second;
      ++stats_.coalesced;
      rendered_.wait(lock, [&] { return theirs->done; });
      if (theirs->page && !IsStale(*theirs->page)) return theirs->page;
      // Their response was not cacheable, or a change arrived while it rendered: render our own.
      lock.unlock();
      return render();
    }
    ++stats_.misses;
    mine = std::make_shared<InFlight>();
    in_flight_[key] = mine;
  }
  std::shared_ptr<const CachedPage> page;
  try {
    page = render();
  } catch (...) {
    std::lock_guard lock(mutex_);
    in_flight_.erase(key);
    mine->done = true;
    rendered_.notify_all();
    throw;
  }
  std::lock_guard lock(mutex_);
  ++stats_.renders;
  in_flight_.erase(key);
  mine->done = true;
  mine->page = page;
  if (page && !IsStale(*page)) Store(key, page, now);
  rendered_.notify_all();
  return page;
}

void PageCache::Store(const std::string& key, std::shared_ptr<const CachedPage> page, std::int64_t now) {
  const std::size_t size = page->Bytes() + IndexBytes(key, page->tags.size());
  if (size > max_bytes_ / 4) return;  // one huge page must not flush the cache
  if (auto it = index_.find(key); it != index_.end()) Erase(it->second);
  for (const auto& tag : page->tags) tagged_[tag].insert(key);
  lru_.push_front(Entry{key, std::move(page), now, size});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    Erase(std::prev(lru_.end()));
    ++stats_.evictions;
  }
}

void PageCache::Erase(Lru::iterator it) {
  bytes_ -= it->bytes;
  for (const auto& tag : it->page->tags) {
    auto t = tagged_.find(tag);
    if (t == tagged_.end()) continue;
    t->second.erase(it->key);
    if (t->second.empty()) tagged_.erase(t);
  }
  index_.erase(it->key);
  lru_.erase(it);
}

void PageCache::Invalidate(const std::string& tag, std::int64_t epoch) {
  std::lock_guard lock(mutex_);
  ++stats_.invalidations;
  if (tag == "all") {
    all_invalidated_at_ = std::max(all_invalidated_at_, epoch);
    lru_.clear();
    index_.clear();
    tagged_.clear();
    bytes_ = 0;
    return;
  }
  auto& at = invalidated_at_[tag];
  at = std::max(at, epoch);
  auto t = tagged_.find(tag);
  if (t == tagged_.end()) return;
  const std::vector<std::string> keys(t->second.begin(), t->second.end());
  for (const auto& key : keys)
    if (auto it = index_.find(key); it != index_.end()) Erase(it->second);
}

void PageCache::Grow(const std::string& key, const CachedPage* page, std::size_t bytes) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end() || it->second->page.get() != page) return;
  it->second->bytes += bytes;
  bytes_ += bytes;
  lru_.splice(lru_.begin(), lru_, it->second);  // it is being served: keep it, evict others
  while (bytes_ > max_bytes_ && lru_.size() > 1) {
    Erase(std::prev(lru_.end()));
    ++stats_.evictions;
  }
}

PageCacheStats PageCache::Stats() const {
  std::lock_guard lock(mutex_);
  PageCacheStats s = stats_;
  s.bytes = bytes_;
  s.entries = index_.size();
  return s;
}

}  // namespace gazette::http
