#include "http/page_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace gazette::http {
namespace {

std::shared_ptr<const CachedPage> Page(std::string body, std::vector<std::string> tags, std::int64_t epoch = 0) {
  auto p = std::make_shared<CachedPage>();
  p->identity = std::make_shared<const std::string>(std::move(body));
  p->tags = std::move(tags);
  p->epoch = epoch;
  return p;
}

TEST(PageCacheTest, RendersOnceThenHits) {
  PageCache cache(1 << 20, std::chrono::seconds(60));
  int renders = 0;
  auto render = [&] {
    ++renders;
    return Page("a", {"article:1"});
  };
  EXPECT_EQ(*cache.GetOrRender("/a", 0, render)->identity, "a");
  EXPECT_EQ(*cache.GetOrRender("/a", 1, render)->identity, "a");
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(cache.Stats().hits, 1u);
}

TEST(PageCacheTest, InvalidatesExactlyTheTaggedPages) {
  PageCache cache(1 << 20, std::chrono::seconds(60));
  int renders = 0;
  cache.GetOrRender("/a", 0, [&] {
    ++renders;
    return Page("a", {"article:1"});
  });
  cache.GetOrRender("/b", 0, [&] {
    ++renders;
    return Page("b", {"article:2"});
  });
  cache.Invalidate("article:1", 5);
  cache.GetOrRender("/a", 0, [&] {
    ++renders;
    return Page("a2", {"article:1"}, 5);
  });
  cache.GetOrRender("/b", 0, [&] {
    ++renders;
    return Page("b2", {"article:2"}, 5);
  });
  EXPECT_EQ(renders, 3);  // /b was still cached
}

TEST(PageCacheTest, RefusesAPageRenderedBeforeTheChange) {
  PageCache cache(1 << 20, std::chrono::seconds(60));
  cache.Invalidate("article:1", 7);
  cache.GetOrRender("/a", 0, [] { return Page("old", {"article:1"}, 6); });  // raced with change 7
  int renders = 0;
  cache.GetOrRender("/a", 0, [&] {
    ++renders;
    return Page("new", {"article:1"}, 7);
  });
  EXPECT_EQ(renders, 1);
}

TEST(PageCacheTest, ExpiresAfterMaxAge) {
  PageCache cache(1 << 20, std::chrono::seconds(10));
  int renders = 0;
  auto render = [&] {
    ++renders;
    return Page("a", {"x"});
  };
  cache.GetOrRender("/a", 100, render);
  cache.GetOrRender("/a", 109, render);
  cache.GetOrRender("/a", 110, render);
  EXPECT_EQ(renders, 2);
}

TEST(PageCacheTest, StaysWithinItsByteBound) {
  PageCache cache(8 * 1024, std::chrono::seconds(60));
  for (int i = 0; i < 50; ++i)
    cache.GetOrRender("/" + std::to_string(i), 0, [] { return Page(std::string(1000, 'x'), {"lists"}); });
  EXPECT_LE(cache.Stats().bytes, 8u * 1024);
  EXPECT_GT(cache.Stats().evictions, 0u);
}

TEST(PageCacheTest, CountsWhatAPageHoldsAndWhatItGrowsBy) {
  PageCache cache(1 << 20, std::chrono::seconds(60));
  auto page = cache.GetOrRender("/a", 0, [] { return Page(std::string(1000, 'x'), {"lists"}); });
  const std::size_t stored = cache.Stats().bytes;
  EXPECT_GE(stored, page->Bytes());
  EXPECT_GE(page->Bytes(), 1000u);
  cache.Grow("/a", page.get(), 500);
  EXPECT_EQ(cache.Stats().bytes, stored + 500);
  cache.Grow("/other", page.get(), 500);  // not cached under that key: ignored
  cache.Invalidate("lists", 1);
  cache.Grow("/a", page.get(), 500);  // no longer cached: ignored
  EXPECT_EQ(cache.Stats().bytes, 0u);
}

TEST(PageCacheTest, CoalescesConcurrentMisses) {
  PageCache cache(1 << 20, std::chrono::seconds(60));
  std::atomic<int> renders{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      auto p = cache.GetOrRender("/slow", 0, [&] {
        ++renders;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return Page("slow", {"lists"});
      });
      EXPECT_EQ(*p->identity, "slow");
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(renders.load(), 1);
  EXPECT_EQ(cache.Stats().coalesced, 7u);
}

TEST(PageCacheTest, UncacheableRendersAreNotStored) {
  PageCache cache(1 << 20, std::chrono::seconds(60));
  int renders = 0;
  auto render = [&]() -> std::shared_ptr<const CachedPage> {
    ++renders;
    return nullptr;
  };
  EXPECT_EQ(cache.GetOrRender("/x", 0, render), nullptr);
  EXPECT_EQ(cache.GetOrRender("/x", 0, render), nullptr);
  EXPECT_EQ(renders, 2);
}

}  // namespace
}  // namespace gazette::http
