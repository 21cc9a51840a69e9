"""A site that has been quiet for hours or days: pruned change log and webhook outbox (issue 19).

The change log's rows are pruned an hour after they are written and the outbox's a week after
delivery. These tests set the rows' created_at back (the server's clock is the real one), so the
first poll or retention pass empties the tables, and then change the site from another process.
"""
import json
import sqlite3
import time
import unittest

from comment_helpers import NO_LIMITS, Poster, Receiver, db_rows, find_comment, gazette, set_settings
from harness import GazetteSite
from test_cache import approved_count, metric

HOUR = 3600
DAY = 86400


def execute(site, sql, *params):
    """Runs one writing statement on the site's database, as another process would."""
    con = sqlite3.connect(site.db, timeout=10)
    try:
        con.execute(sql, params)
        con.commit()
    finally:
        con.close()


def count(site, sql, *params):
    return db_rows(site, sql, *params)[0][0]


class QuietChangeLogTest(unittest.TestCase):
    """Every change from the CLI is on the very next request, also after the log was pruned empty."""

    def setUp(self):
        def prepare(site):
            set_settings(site.db, NO_LIMITS)
            newest = site.articles()[-1]
            self.assertEqual(site.cli("article", "unpublish", str(newest["id"])).returncode, 0)
            self.draft = newest
            execute(site, "UPDATE change_log SET created_at = created_at - ?", 2 * HOUR)

        self.site = GazetteSite(prepare=prepare).start()
        self.p = Poster(self.site)
        self.url = self.site.article_urls()[0]

    def tearDown(self):
        self.site.stop()

    def approve_new_comment(self, aid):
        fields, res = self.p.post_new(aid)
        self.assertEqual(res.status, 303)
        comment = find_comment(self.site, fields["comment"])
        self.assertEqual(comment["status"], "pending")
        self.assertEqual(gazette(self.site, "comments", "approve", str(comment["id"])).returncode, 0)
        return fields["comment"]

    def test_approval_and_publication_reach_every_later_request(self):
        aid = next(a["id"] for a in self.site.articles() if a["url"] == self.url)
        before = approved_count(self.site.get(self.url).body)
        hits = metric(self.site, "gazette_cache_hits_total")
        self.site.get(self.url)
        self.site.get("/")
        self.assertGreater(metric(self.site, "gazette_cache_hits_total"), hits, "the page is cached")
        self.assertEqual(count(self.site, "SELECT COUNT(*) FROM change_log"), 0,
                         "the quiet hour's rows are pruned: the log is empty")

        text = self.approve_new_comment(aid)
        self.assertEqual(self.site.cli("article", "publish", str(self.draft["id"])).returncode, 0)
        for _ in range(3):
            page = self.site.get(self.url).body
            self.assertEqual(approved_count(page), before + 1, "the approved comment is counted")
            self.assertIn(text, page)
            self.assertEqual(self.site.get(self.draft["url"]).status, 200, "the published article is served")
            self.assertIn(self.draft["url"], self.site.get("/").body, "and listed on the home page")
        self.assertEqual(metric(self.site, "gazette_change_log_resyncs_total"), 0,
                         "the server's own prune keeps its cursor valid")

    def test_log_pruned_past_the_cursor_empties_the_cache(self):
        aid = next(a["id"] for a in self.site.articles() if a["url"] == self.url)
        before = approved_count(self.site.get(self.url).body)
        self.site.get(self.url)
        # Another server pruned rows this one had not read: it cannot know what changed.
        text = self.approve_new_comment(aid)
        execute(self.site, "DELETE FROM change_log")
        page = self.site.get(self.url).body
        self.assertEqual(approved_count(page), before + 1)
        self.assertIn(text, page)
        self.assertEqual(metric(self.site, "gazette_change_log_resyncs_total"), 1)


SEEN_DELIVERIES = ("1", "2", "3")


class QuietOutboxTest(unittest.TestCase):
    """A week after the last webhook, the outbox is pruned empty; new events get new delivery ids."""

    def setUp(self):
        self.receiver = Receiver()

        def prepare(site):
            settings = dict(NO_LIMITS)
            settings["comments.webhook_urls"] = self.receiver.url
            set_settings(site.db, settings)
            # Three events delivered eight days ago: the receiver has seen their ids.
            for delivery in SEEN_DELIVERIES:
                execute(site, "INSERT INTO webhook_outbox (id, event, comment_id, created_at, attempts, done) "
                              "VALUES (?, 'comment.created', 1, unixepoch() - ?, 1, 1)", int(delivery), 8 * DAY)

        self.site = GazetteSite(prepare=prepare).start()
        self.p = Poster(self.site)

    def tearDown(self):
        self.site.stop()
        self.receiver.close()

    def delivered(self, event, comment_id):
        found = self.receiver.wait_for(lambda r: json.loads(r[1])["event"] == event
                                       and json.loads(r[1])["comment"]["id"] == comment_id)
        self.assertTrue(found, f"no {event} delivered; log: {self.site.server_log()[-1000:]}")
        return found[0][0]["X-Gazette-Delivery"]

    def test_event_written_after_the_prune_is_delivered_with_a_new_id(self):
        deadline = time.monotonic() + 10
        while count(self.site, "SELECT COUNT(*) FROM webhook_outbox") and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertEqual(count(self.site, "SELECT COUNT(*) FROM webhook_outbox"), 0,
                         "events finished more than a week ago are pruned")

        fields, res = self.p.post_new(2)
        self.assertEqual(res.status, 303)
        comment = find_comment(self.site, fields["comment"])
        created = self.delivered("comment.created", comment["id"])
        self.assertNotIn(created, SEEN_DELIVERIES, "a receiver would drop it as a duplicate")
        self.assertGreater(int(created), int(SEEN_DELIVERIES[-1]))
        gazette(self.site, "comments", "approve", str(comment["id"]))
        approved = self.delivered("comment.approved", comment["id"])
        self.assertGreater(int(approved), int(created))


if __name__ == "__main__":
    unittest.main()
