"""Article webhooks: publishing, editing and unpublishing an article (from the CLI, another process)
posts article.published, article.updated and article.unpublished to site.webhook_urls, signed
with site.webhook_secret, retried after a failure, with the paths a CDN must purge. Events are
written by the database in the same transaction as the change, and only while a URL is set."""
import hashlib
import hmac
import json
import unittest

from comment_helpers import Receiver, db_rows, set_settings
from harness import GazetteSite

SECRET = "article-hook-secret"
SITE_URL = "https://news.example.org"


class ArticleWebhookTest(unittest.TestCase):
    def setUp(self):
        self.receiver = Receiver(failures=1)
        self.addCleanup(self.receiver.close)

        def prepare(site):
            # Unpublished before any URL is set: no event is written for it.
            self.article = site.articles("published")[0]
            res = site.cli("article", "unpublish", str(self.article["id"]), "--db", site.db)
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertEqual(db_rows(site, "SELECT COUNT(*) FROM article_webhook_outbox"), [(0,)])
            set_settings(site.db, {"site.webhook_urls": self.receiver.url, "site.webhook_secret": SECRET})

        self.site = GazetteSite(url=SITE_URL, prepare=prepare).start()
        self.addCleanup(self.site.stop)

    def cli(self, *args):
        res = self.site.cli("article", *args, "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)

    def delivered(self, event):
        found = self.receiver.wait_for(lambda r: r[0].get("X-Gazette-Event") == event)
        self.assertTrue(found, f"no {event} delivered; log: {self.site.server_log()[-1500:]}")
        return found[-1]

    def test_publish_edit_unpublish_are_posted_signed(self):
        aid = str(self.article["id"])
        self.cli("publish", aid)
        published = self.delivered("article.published")
        self.cli("edit", aid, "--title", "Harbour ferry returns after the storm")
        updated = self.delivered("article.updated")
        self.cli("unpublish", aid)
        unpublished = self.delivered("article.unpublished")

        attempts = [r for r in self.receiver.requests if r[0].get("X-Gazette-Event") == "article.published"]
        self.assertGreaterEqual(len(attempts), 2, "the first delivery failed (500) and was retried")
        self.assertEqual(attempts[0][0]["X-Gazette-Delivery"], attempts[-1][0]["X-Gazette-Delivery"])

        deliveries = []
        for name, (headers, raw, _) in (("article.published", published), ("article.updated", updated),
                                        ("article.unpublished", unpublished)):
            with self.subTest(event=name):
                expected = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
                self.assertEqual(headers["X-Gazette-Signature"], expected)
                self.assertEqual(headers["Content-Type"], "application/json")
                payload = json.loads(raw)
                self.assertEqual(payload["event"], name)
                a = payload["article"]
                self.assertEqual((a["id"], a["slug"]), (self.article["id"], self.article["slug"]))
                self.assertTrue(a["url"].startswith(SITE_URL + "/") and a["url"].endswith(f"/{a['slug']}/"))
                self.assertRegex(payload["at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
                purge = payload["purge"]
                self.assertEqual(purge[0], a["url"][len(SITE_URL):])
                for path in ("/", "/feed/", "/feed/atom/", "/feed.json"):
                    self.assertIn(path, purge)
                for tag in self.article.get("tags", []):
                    slug = tag["slug"] if isinstance(tag, dict) else None
                    if slug:
                        self.assertIn(f"/tag/{slug}/", purge)
                        self.assertIn(f"/tag/{slug}/feed/", purge)
                self.assertTrue(any(p.startswith("/tag/") for p in purge), purge)
                self.assertTrue(any(p.startswith("/author/") for p in purge), purge)
                self.assertEqual(payload["purge_urls"], [SITE_URL + p for p in purge])
                self.assertNotIn("@", raw.decode())
                deliveries.append(payload["delivery"])
        self.assertEqual(json.loads(updated[1])["article"]["title"], "Harbour ferry returns after the storm")
        self.assertEqual(deliveries, sorted(set(deliveries)), "each event its own delivery id, in order")

    def test_no_url_no_events(self):
        set_settings(self.site.db, {"site.webhook_urls": ""})
        before = db_rows(self.site, "SELECT COUNT(*) FROM article_webhook_outbox")[0][0]
        self.cli("publish", str(self.article["id"]))
        self.assertEqual(db_rows(self.site, "SELECT COUNT(*) FROM article_webhook_outbox")[0][0], before)

    def test_bad_url_is_refused(self):
        res = self.site.cli("settings", "set", "site.webhook_urls", "ftp://example.org/x", "--db", self.site.db)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("http", res.stderr + res.stdout)


if __name__ == "__main__":
    unittest.main()
