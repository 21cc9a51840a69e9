"""A read that fails is an error page that is never cached, not a page with a part missing.

The fault is real: another process renames a table under the running server, so the server's
prepared statements fail on their next step (SQLite re-prepares them and finds no such table).
One server thread, so that the first request has prepared every statement the next one runs.
"""
import sqlite3
import unittest

from harness import GazetteSite
from test_cache import approved_count


def execute(site, *statements):
    con = sqlite3.connect(site.db, timeout=10)
    try:
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


class StorageFailureTest(unittest.TestCase):
    def setUp(self):
        self.site = GazetteSite(serve_args=["--threads", "1"]).start()
        approved = self.site.comments("approved")
        self.assertTrue(approved, "the demo site has approved comments")
        self.article = next(a for a in self.site.articles() if a["id"] == approved[0]["article_id"])
        self.url = self.article["url"]

    def tearDown(self):
        self.site.stop()

    def touch_article(self):
        """Logs a change to the article, so the next request renders it again."""
        execute(self.site, f"INSERT INTO change_log (kind, article_id) VALUES ('article', {self.article['id']})")

    def test_article_whose_comments_cannot_be_read_is_an_uncached_error(self):
        good = self.site.get(self.url)
        count = approved_count(good.body)
        self.assertGreater(count, 0)

        execute(self.site, "ALTER TABLE comments RENAME TO comments_away")
        self.touch_article()
        broken = self.site.get(self.url)
        self.assertGreaterEqual(broken.status, 500, "not a page without its comments")
        self.assertNotIn("Show Comments (0)", broken.body)
        self.assertEqual(broken.headers.get("cache-control"), "no-store")

        # Repaired without any change logged: the next request must not find a cached broken page.
        execute(self.site, "ALTER TABLE comments_away RENAME TO comments")
        again = self.site.get(self.url)
        self.assertEqual(again.status, 200)
        self.assertEqual(approved_count(again.body), count)

    def test_home_page_that_cannot_be_read_is_an_uncached_error(self):
        self.assertEqual(self.site.get("/").status, 200)
        execute(self.site, "ALTER TABLE articles RENAME TO articles_away")
        execute(self.site, "INSERT INTO change_log (kind, article_id) VALUES ('lists', NULL)")
        broken = self.site.get("/")
        self.assertGreaterEqual(broken.status, 500)
        self.assertEqual(broken.headers.get("cache-control"), "no-store")
        execute(self.site, "ALTER TABLE articles_away RENAME TO articles")
        self.assertEqual(self.site.get("/").status, 200)


if __name__ == "__main__":
    unittest.main()
