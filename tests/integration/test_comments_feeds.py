"""Comment feeds (RSS 2.0, checked with feedparser) and outgoing webhooks (a local receiver)."""
import hashlib
import hmac
import json
import sys
import time
import unittest

try:
    import feedparser
except ImportError:  # Debian's python3-feedparser, when the tests run under another Python 3
    sys.path.append("/usr/lib/python3/dist-packages")
    import feedparser

from comment_helpers import NO_LIMITS, Poster, Receiver, find_comment, gazette, set_settings, unique
from harness import GazetteSite


class FeedTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(prepare=lambda s: set_settings(s.db, NO_LIMITS)).start()
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def feed(self, path):
        res = self.site.get(path)
        self.assertEqual(res.status, 200, path)
        self.assertTrue(res.headers["content-type"].startswith("application/rss+xml"))
        parsed = feedparser.parse(res.raw)
        self.assertFalse(parsed.bozo, f"{path}: {parsed.get('bozo_exception')}")
        self.assertEqual(parsed.version, "rss20")
        return parsed, res

    def test_site_and_article_feeds_list_approved_comments_only(self):
        approved_fields, _ = self.p.post_new(2, comment="Approved <b>comment</b> & friends, see https://example.org/x")
        c = find_comment(self.site, approved_fields["comment"])
        gazette(self.site, "comments", "approve", str(c["id"]))
        pending_fields, _ = self.p.post_new(2)

        site_feed, res = self.feed("/comments/feed/")
        self.assertIn("max-age", res.headers["cache-control"])
        titles = [e.title for e in site_feed.entries]
        self.assertTrue(any(approved_fields["name"] in t for t in titles), titles)
        entry = next(e for e in site_feed.entries if approved_fields["name"] in e.title)
        self.assertTrue(entry.link.endswith(f"#comment-{c['id']}"))
        self.assertIn("&lt;b&gt;comment&lt;/b&gt;", entry.description)
        self.assertEqual(entry.author, approved_fields["name"])
        self.assertTrue(entry.published_parsed)

        article_feed, _ = self.feed("/comments/feed/2/")
        bodies = " ".join(e.description for e in article_feed.entries)
        self.assertIn("friends", bodies)
        self.assertNotIn(pending_fields["comment"], bodies)
        self.assertNotIn(approved_fields["email"], self.site.get("/comments/feed/2/").body)
        other, _ = self.feed("/comments/feed/1/")
        self.assertNotIn("friends", " ".join(e.description for e in other.entries))

    def test_feed_changes_at_once_when_a_comment_is_approved(self):
        self.feed("/comments/feed/")  # cached now
        self.feed("/comments/feed/3/")
        fields, _ = self.p.post_new(3)
        c = find_comment(self.site, fields["comment"])
        gazette(self.site, "comments", "approve", str(c["id"]))
        for path in ("/comments/feed/", "/comments/feed/3/"):
            feed, _ = self.feed(path)
            self.assertTrue(any(fields["name"] in e.title for e in feed.entries), path)
        gazette(self.site, "comments", "spam", str(c["id"]))
        feed, _ = self.feed("/comments/feed/")
        self.assertFalse(any(fields["name"] in e.title for e in feed.entries))

    def test_unknown_article_feed_is_404(self):
        for path in ("/comments/feed/99999/", "/comments/feed/abc/", "/comments/feed/2"):
            self.assertEqual(self.site.get(path).status, 404, path)


SECRET = "webhook-test-secret"


class WebhookTest(unittest.TestCase):

    def setUp(self):
        self.receiver = Receiver(failures=2)
        settings = dict(NO_LIMITS)
        settings.update({"comments.webhook_urls": self.receiver.url, "comments.webhook_secret": SECRET})
        self.site = GazetteSite(prepare=lambda s: set_settings(s.db, settings)).start()
        self.p = Poster(self.site)

    def tearDown(self):
        self.site.stop()
        self.receiver.close()

    def events(self, name, comment_id):
        def match(r):
            body = json.loads(r[1])
            return body["event"] == name and body["comment"]["id"] == comment_id and r[0].get("X-Gazette-Event") == name
        return match

    def test_created_and_approved_are_posted_signed_and_retried(self):
        email = f"{unique('hooked')}@example.org"
        fields, res = self.p.post_new(2, email=email)
        self.assertEqual(res.status, 303)
        c = find_comment(self.site, fields["comment"])
        created = self.receiver.wait_for(self.events("comment.created", c["id"]), count=3)
        self.assertTrue(created, f"no comment.created delivered; log: {self.site.server_log()[-1000:]}")
        # The first two attempts failed with 500: retried with back-off (1 s, then 2 s).
        attempts = [r for r in self.receiver.requests if json.loads(r[1])["event"] == "comment.created"]
        self.assertGreaterEqual(len(attempts), 3)
        self.assertGreaterEqual(attempts[1][2] - attempts[0][2], 0.8)
        self.assertGreaterEqual(attempts[2][2] - attempts[1][2], 1.6)
        self.assertIn("webhook comment.created", self.site.server_log(), "failures are logged")
        headers, body, _ = created[-1]
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        self.assertEqual(headers["X-Gazette-Signature"], expected)
        self.assertEqual(headers["Content-Type"], "application/json")
        payload = json.loads(body)
        self.assertEqual(payload["comment"]["body"], fields["comment"])
        self.assertEqual(payload["comment"]["status"], "pending")
        self.assertNotIn(email, body.decode())
        self.assertNotIn("ip", payload["comment"])

        # Approved from another process (the CLI): the server still sends comment.approved.
        gazette(self.site, "comments", "approve", str(c["id"]))
        approved = self.receiver.wait_for(self.events("comment.approved", c["id"]))
        self.assertTrue(approved)
        self.assertEqual(json.loads(approved[0][1])["comment"]["status"], "approved")
        time.sleep(1.5)
        self.assertEqual(len([r for r in self.receiver.requests if self.events("comment.approved", c["id"])(r)]), 1,
                         "a delivered event is not sent again")


if __name__ == "__main__":
    unittest.main()
