"""Nothing is lost: 1,000 comments from 50 concurrent clients, SIGKILL in the middle, restart, and
every comment the server acknowledged (a 303 to the "awaiting moderation" view) is present and intact."""
import concurrent.futures
import http.client
import json
import os
import signal
import sqlite3
import threading
import unittest
import urllib.parse
import uuid

from comment_helpers import NO_LIMITS, set_settings
from harness import GazetteSite

TOTAL = 1000
CLIENTS = 50
KILL_AFTER = 400  # acknowledged comments before the server is killed


class DurabilityTest(unittest.TestCase):

    def test_every_acknowledged_comment_survives_sigkill(self):
        site = GazetteSite(prepare=lambda s: set_settings(s.db, NO_LIMITS)).start()
        try:
            self.run_scenario(site)
        finally:
            site.stop()

    def run_scenario(self, site):
        articles = site.articles()
        tokens = {a["id"]: json.loads(site.get(f"/comments/token?article={a['id']}").body)["token"]
                  for a in articles}
        acknowledged = {}  # body -> (article_id, name, email, website)
        lock = threading.Lock()
        killed = threading.Event()
        host, port = site.host, site.port

        def post(i):
            if killed.is_set():
                return "skipped"
            a = articles[i % len(articles)]
            marker = uuid.uuid4().hex
            fields = {"article_id": str(a["id"]), "token": tokens[a["id"]],
                      "comment": f"Durable comment {i} {marker}\n\nWith a second paragraph: \u00e9\u00e8 \u4e2d\u6587.",
                      "name": f"Writer {i}", "email": f"writer{i}.{marker[:6]}@example.org",
                      "website": f"https://example.org/{marker[:8]}"}
            body = urllib.parse.urlencode(fields).encode()
            try:
                conn = http.client.HTTPConnection(host, port, timeout=20)
                conn.request("POST", "/comments", body=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
                res = conn.getresponse()
                res.read()
                conn.close()
            except (OSError, http.client.HTTPException):
                return "failed"
            if res.status == 303 and "comment=pending" in (res.getheader("Location") or ""):
                with lock:
                    acknowledged[fields["comment"]] = (a["id"], fields["name"], fields["email"], fields["website"])
                    if len(acknowledged) >= KILL_AFTER and not killed.is_set():
                        killed.set()
                        os.kill(site.proc.pid, signal.SIGKILL)
                return "ok"
            return f"status {res.status}"

        with concurrent.futures.ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            outcomes = list(pool.map(post, range(TOTAL)))
        self.assertTrue(killed.is_set(), f"the server was never killed: {outcomes[:20]}")
        site.proc.wait(timeout=10)
        self.assertEqual(site.proc.returncode, -signal.SIGKILL)
        self.assertGreaterEqual(len(acknowledged), KILL_AFTER)
        self.assertNotIn("status 5", " ".join(outcomes), "no server errors before the kill")

        site._serve()  # restart on the same database (WAL recovery)
        con = sqlite3.connect(site.db)
        rows = {r[0]: r[1:] for r in con.execute(
            "SELECT body, article_id, name, email, website FROM comments WHERE body LIKE 'Durable comment %'")}
        con.close()
        missing = [b for b in acknowledged if b not in rows]
        self.assertEqual(missing, [], f"{len(missing)} acknowledged comments were lost")
        for body, expected in acknowledged.items():
            self.assertEqual(rows[body], expected, "stored intact")
        # The restarted server answers and sees them.
        self.assertEqual(site.get("/healthz").status, 200)
        print(f"\n{len(acknowledged)} acknowledged before SIGKILL, {len(rows)} stored, 0 lost")


if __name__ == "__main__":
    unittest.main()
