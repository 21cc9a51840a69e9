"""The page cache over HTTP: variants, 304s, coalescing, exact invalidation, bypass."""
import concurrent.futures
import gzip
import re
import time
import unittest

from harness import GazetteSite


def metric(site, name):
    body = site.get("/metrics").body
    m = re.search(r"^" + re.escape(name) + r" (\d+)$", body, re.M)
    return int(m.group(1)) if m else 0


def approved_count(body):
    m = re.search(r"Show Comments \((\d+)\)", body)
    return int(m.group(1)) if m else None


class CacheTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(page_size=3).start()
        cls.urls = cls.site.article_urls()

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def test_second_request_is_a_hit_with_etag_and_last_modified(self):
        url = self.urls[0]
        hits = metric(self.site, "gazette_cache_hits_total")
        first = self.site.get(url)
        second = self.site.get(url)
        self.assertEqual(first.raw, second.raw, "a cached page is byte-identical for every reader")
        self.assertGreater(metric(self.site, "gazette_cache_hits_total"), hits)
        self.assertRegex(second.headers["etag"], r'^"[0-9a-f]{16}"$')
        self.assertIn("last-modified", second.headers)
        self.assertIn("s-maxage=", second.headers["cache-control"])
        self.assertIn("stale-while-revalidate=", second.headers["cache-control"])
        self.assertEqual(second.headers.get("vary"), "Accept-Encoding")

    def test_conditional_requests_get_304(self):
        url = self.urls[1]
        page = self.site.get(url)
        etag = page.headers["etag"]
        not_modified = self.site.get(url, {"If-None-Match": etag})
        self.assertEqual(not_modified.status, 304)
        self.assertEqual(not_modified.raw, b"")
        self.assertEqual(not_modified.headers["etag"], etag)
        self.assertEqual(self.site.get(url, {"If-None-Match": '"0000000000000000"'}).status, 200)
        since = self.site.get(url, {"If-Modified-Since": page.headers["last-modified"]})
        self.assertEqual(since.status, 304)
        self.assertEqual(self.site.get(url, {"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"}).status, 200)
        # The gzip variant's ETag also validates.
        gz = self.site.get(url, {"Accept-Encoding": "gzip"})
        self.assertEqual(self.site.get(url, {"If-None-Match": gz.headers["etag"],
                                             "Accept-Encoding": "gzip"}).status, 304)

    def test_compressed_variants_decompress_to_the_identity_body(self):
        url = self.urls[2]
        identity = self.site.get(url)
        self.assertNotIn("content-encoding", identity.headers)
        gz = self.site.get(url, {"Accept-Encoding": "gzip"})
        self.assertEqual(gz.headers["content-encoding"], "gzip")
        self.assertEqual(gzip.decompress(gz.raw), identity.raw)
        self.assertNotEqual(gz.headers["etag"], identity.headers["etag"])
        br = self.site.get(url, {"Accept-Encoding": "gzip, br"})
        self.assertEqual(br.headers["content-encoding"], "br")
        self.assertLess(len(br.raw), len(identity.raw))
        try:
            import brotli  # not in the standard library; used when present
        except ImportError:
            brotli = None
        if brotli:
            self.assertEqual(brotli.decompress(br.raw), identity.raw)
        refused = self.site.get(url, {"Accept-Encoding": "gzip;q=0, br;q=0"})
        self.assertEqual(refused.raw, identity.raw)
        head = self.site.head(url, {"Accept-Encoding": "gzip"})
        self.assertEqual(head.raw, b"")
        self.assertEqual(int(head.headers["content-length"]), len(gz.raw))

    def test_tracking_parameters_share_the_cached_page(self):
        url = self.urls[3]
        self.site.get(url)
        renders = metric(self.site, "gazette_cache_renders_total")
        for query in ("?utm_source=x", "?utm_medium=social&utm_campaign=y", "?fbclid=abc", "?gclid=1"):
            self.assertEqual(self.site.get(url + query).status, 200)
        self.assertEqual(metric(self.site, "gazette_cache_renders_total"), renders)

    def test_concurrent_misses_render_once(self):
        url = "/tag/climate/"
        renders = metric(self.site, "gazette_cache_renders_total")
        self.site.cli("comments", "list")  # a no-op; keeps the test independent of earlier ones
        with concurrent.futures.ThreadPoolExecutor(max_workers=40) as pool:
            bodies = list(pool.map(lambda _: self.site.get(url).raw, range(80)))
        self.assertEqual(len(set(bodies)), 1)
        self.assertEqual(metric(self.site, "gazette_cache_renders_total") - renders, 1)

    def test_logged_in_requests_bypass_the_cache(self):
        url = self.urls[4]
        self.site.get(url)
        renders = metric(self.site, "gazette_render_seconds_count")
        hits = metric(self.site, "gazette_cache_hits_total")
        self.site.get(url, {"Cookie": "gazette_session=abc"})
        self.site.get(url, {"Authorization": "Bearer x"})
        self.assertEqual(metric(self.site, "gazette_render_seconds_count") - renders, 2)
        self.assertEqual(metric(self.site, "gazette_cache_hits_total"), hits)

    def test_personal_pages_are_never_cached(self):
        url = self.urls[5]
        notice = self.site.get(url + "?comment=pending")
        self.assertIn("awaiting moderation", notice.body)
        self.assertEqual(notice.headers["cache-control"], "no-store")
        self.assertNotIn("awaiting moderation", self.site.get(url).body)


class InvalidationTest(unittest.TestCase):
    """Every change is visible on the very next request: no stale page after a commit."""

    def setUp(self):
        self.site = GazetteSite(page_size=3).start()

    def tearDown(self):
        self.site.stop()

    def post_comment(self, url, text):
        fields = self.site.form_fields(url)
        # A new email each time: an author with an approved comment is no longer held for moderation.
        email = "reader-" + re.sub(r"\W+", "-", text) + "@example.org"
        fields.update(comment=text, name="Reader", email=email, website="https://example.org")
        return self.site.post_form("/comments", fields)

    def test_approving_a_comment_updates_the_article_page_at_once(self):
        url = self.site.article_urls()[0]
        for i in range(5):
            before = approved_count(self.site.get(url).body)
            self.assertEqual(self.post_comment(url, f"Comment number {i}").status, 303)
            self.assertEqual(approved_count(self.site.get(url).body), before, "pending comments stay hidden")
            pending = [c for c in self.site.comments("pending") if c["body"] == f"Comment number {i}"]
            self.assertEqual(self.site.cli("comments", "approve", str(pending[0]["id"])).returncode, 0)
            page = self.site.get(url).body
            self.assertEqual(approved_count(page), before + 1)
            self.assertIn(f"Comment number {i}", page)

    def test_trashing_an_approved_comment_removes_it_at_once(self):
        approved = self.site.comments("approved")
        article = next(a for a in self.site.articles() if a["id"] == approved[0]["article_id"])
        before = approved_count(self.site.get(article["url"]).body)
        self.site.cli("comments", "trash", str(approved[0]["id"]))
        self.assertEqual(approved_count(self.site.get(article["url"]).body), before - 1)

    def test_unpublishing_updates_the_page_home_archives_and_related_lists(self):
        articles = self.site.articles()
        target = articles[-1]  # the newest: on the home page
        tag = target["tags"][0]
        tag_url = "/tag/" + re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-") + "/"
        others = [a["url"] for a in articles if a["id"] != target["id"]]
        pages = [target["url"], "/", tag_url, *others]
        for p in pages:  # warm the cache
            self.site.get(p)
        self.assertIn(target["url"], self.site.get("/").body)
        self.site.cli("article", "unpublish", str(target["id"]))
        self.assertEqual(self.site.get(target["url"]).status, 404)
        self.assertNotIn(target["url"], self.site.get("/").body)
        tag_page = self.site.get(tag_url)
        self.assertTrue(tag_page.status == 404 or target["url"] not in tag_page.body)
        for p in others:
            self.assertNotIn(target["url"], self.site.get(p).body, f"{p} still links the unpublished article")
        self.site.cli("article", "publish", str(target["id"]))
        self.assertEqual(self.site.get(target["url"]).status, 200)
        self.assertIn(target["url"], self.site.get("/").body)

    def test_no_stale_page_under_concurrent_load(self):
        url = self.site.article_urls()[1]
        stop = False

        def reader():
            n = 0
            while not stop:
                self.site.get(url)
                n += 1
            return n

        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            readers = [pool.submit(reader) for _ in range(3)]
            try:
                for i in range(5):
                    before = approved_count(self.site.get(url).body)
                    self.assertEqual(self.post_comment(url, f"Under load {i}").status, 303)
                    comment = next(c for c in self.site.comments("pending") if c["body"] == f"Under load {i}")
                    self.site.cli("comments", "approve", str(comment["id"]))
                    # Every request that starts after the commit sees the comment.
                    for _ in range(5):
                        self.assertEqual(approved_count(self.site.get(url).body), before + 1)
            finally:
                stop = True
            self.assertTrue(all(r.result() > 0 for r in readers))


class UncachedModeTest(unittest.TestCase):
    def test_cache_can_be_disabled(self):
        with GazetteSite(serve_args=["--cache-mb", "0"]) as site:
            url = site.article_urls()[0]
            a, b = site.get(url), site.get(url)
            self.assertEqual(a.raw, b.raw)
            self.assertNotIn("gazette_cache_hits_total", site.get("/metrics").body)
            self.assertGreaterEqual(metric(site, "gazette_render_seconds_count"), 2)


class MetricsTest(unittest.TestCase):
    def test_metrics_count_requests_by_route_and_status(self):
        with GazetteSite() as site:
            site.get("/")
            site.get("/no-such-page/")
            body = site.get("/metrics").body
            self.assertRegex(body, r'gazette_http_requests_total\{route="home",status="200"\} \d+')
            self.assertRegex(body, r'gazette_http_requests_total\{route="not_found",status="404"\} \d+')
            self.assertIn("# TYPE gazette_render_seconds histogram", body)
            self.assertRegex(body, r'gazette_render_seconds_bucket\{le="\+Inf"\} \d+')


class AccessLogTest(unittest.TestCase):
    def test_combined_and_json_formats(self):
        for fmt, pattern in (("combined", r'127\.0\.0\.1 - - \[[^\]]+\] "GET /\?utm_source=log HTTP/1\.1" 200 \d+ '
                                          r'"https://example\.org/" "tester/1\.0"'),
                             ("json", r'"target":"/\?utm_source=log"')):
            with GazetteSite(serve_args=["--access-log", fmt]) as site:
                site.get("/?utm_source=log", {"User-Agent": "tester/1.0", "Referer": "https://example.org/"})
                site.get("/healthz")
                deadline = time.time() + 5
                while time.time() < deadline and not re.search(pattern, site.server_log()):
                    time.sleep(0.05)
                self.assertRegex(site.server_log(), pattern)


if __name__ == "__main__":
    unittest.main()
