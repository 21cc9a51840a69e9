// PageCache: one mutex guards the LRU list, the index and the in-flight renders; renders run
// outside it.
#include "http/page_cache.h"

namespace gazette::http {

std::size_t CachedPage::Bytes() const {
  std::size_t n = 256 + etag.size() + content_type.size();
  for (const auto* body : {&identity, &gzip, &brotli})
    if (*body) n += (*body)->size();
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
  const std::size_t size = page->Bytes();
  if (size > max_bytes_ / 4) return;  // one huge page must not flush the cache
  if (auto it = index_.find(key); it != index_.end()) Erase(it->second);
  for (const auto& tag : page->tags) tagged_[tag].insert(key);
  lru_.push_front(Entry{key, std::move(page), now});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    Erase(std::prev(lru_.end()));
    ++stats_.evictions;
  }
}

void PageCache::Erase(Lru::iterator it) {
  bytes_ -= it->page->Bytes();
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

PageCacheStats PageCache::Stats() const {
  std::lock_guard lock(mutex_);
  PageCacheStats s = stats_;
  s.bytes = bytes_;
  s.entries = index_.size();
  return s;
}

}  // namespace gazette::http
