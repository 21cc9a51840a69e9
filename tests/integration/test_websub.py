"""WebSub: with a hub set, feeds announce it, and publishing, editing or unpublishing an article
tells the hub (a local receiver) which feeds changed, retried when the hub fails."""
import json
import time
import unittest
import urllib.parse

from admin_client import add_user, api, api_token
from comment_helpers import Receiver, set_settings
from harness import GazetteSite

SITE_URL = "http://news.example"


class WebSubTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.hub = Receiver(failures=1)  # the first notification fails: it must be retried
        cls.addClassCleanup(cls.hub.close)
        cls.site = GazetteSite(url=SITE_URL,
                               prepare=lambda s: set_settings(s.db, {"feed.websub_hub": cls.hub.url})).start()
        cls.addClassCleanup(cls.site.stop)
        cls.token = api_token(cls.site, add_user(cls.site, "ed@example.org", "editor"))

    def notifications(self):
        return [urllib.parse.parse_qs(body.decode()) for _, body, _ in self.hub.requests]

    def test_feeds_announce_the_hub_and_themselves(self):
        res = self.site.get("/feed/")
        self.assertIn(f'rel="hub" href="{self.hub.url}"', res.body)
        self.assertIn(f'rel="self" href="{SITE_URL}/feed/"', res.body)
        self.assertIn(f'<{self.hub.url}>; rel="hub"', res.headers.get("link", ""))
        self.assertIn(f'<link rel="hub" href="{self.hub.url}"/>', self.site.get("/feed/atom/").body)
        self.assertEqual(json.loads(self.site.get("/feed.json").body)["hubs"], [{"type": "WebSub", "url": self.hub.url}])

    def test_publishing_tells_the_hub_which_feeds_changed_and_retries(self):
        status, data, _ = api(self.site, "POST", "/api/admin/articles", token=self.token,
                              body={"title": "Ferry timetable changes", "markdown": "New times.",
                                    "tags": ["Ferries"], "authors": ["Ann Lee", "Bo Chen"], "status": "published"})
        self.assertEqual(status, 201, data)
        wanted = {f"{SITE_URL}/feed/", f"{SITE_URL}/feed.json", f"{SITE_URL}/tag/ferries/feed/atom/",
                  f"{SITE_URL}/author/ann-lee/feed/", f"{SITE_URL}/author/bo-chen/feed.json"}

        def names_all(request):
            q = urllib.parse.parse_qs(request[1].decode())
            return q.get("hub.mode") == ["publish"] and wanted <= set(q.get("hub.url", []))

        found = self.hub.wait_for(names_all, count=2, timeout=20)
        self.assertEqual(len(found), 2, self.notifications())  # the failed one, then its retry
        headers = found[-1][0]
        self.assertEqual(headers.get("Content-Type"), "application/x-www-form-urlencoded")

        before = len(self.hub.requests)
        article_id = data["article"]["id"]
        status, _, _ = api(self.site, "POST", f"/api/admin/articles/{article_id}/unpublish", token=self.token)
        self.assertEqual(status, 200)
        deadline = time.monotonic() + 10
        while len(self.hub.requests) <= before and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertGreater(len(self.hub.requests), before, "unpublishing tells the hub too")
        last = urllib.parse.parse_qs(self.hub.requests[-1][1].decode())
        self.assertIn(f"{SITE_URL}/tag/ferries/feed/", last["hub.url"])


if __name__ == "__main__":
    unittest.main()
