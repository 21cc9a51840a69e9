"""Updated articles and corrections: an edit after publishing shows "Updated" with its time (and
dateModified says so), a correction note appears at the article's foot with its date, reaches the
feeds' updated times and the revision, and drafts take no corrections."""
import json
import re
import sqlite3
import unittest

from admin_client import add_user, api, api_token
from harness import GazetteSite


def json_ld(html):
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


class CorrectionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)
        cls.token = api_token(cls.site, add_user(cls.site, "ed@example.org", "editor"))

    def call(self, method, path, body=None):
        return api(self.site, method, path, token=self.token, body=body)

    def test_a_fresh_article_is_not_updated(self):
        status, data, _ = self.call("POST", "/api/admin/articles",
                                    {"title": "Fresh story", "markdown": "Text.", "status": "published"})
        self.assertEqual(status, 201, data)
        page = self.site.get(data["article"]["url"].split("8080", 1)[-1]).body
        self.assertNotIn("Updated", page)
        self.assertNotIn('class="corrections"', page)

    def test_a_correction_is_shown_dated_and_kept(self):
        status, data, _ = self.call("POST", "/api/admin/articles",
                                    {"title": "Ferry times", "markdown": "The ferry leaves at 8.",
                                     "status": "published"})
        self.assertEqual(status, 201, data)
        aid = data["article"]["id"]
        # The article was written and published an hour ago (the server's clock is the real one):
        # an edit now is past the grace of publishing.
        with sqlite3.connect(self.site.db) as db:
            db.execute("UPDATE articles SET created_at = created_at - 3600, updated_at = updated_at - 3600, "
                       "published_at = published_at - 3600 WHERE id = ?", (aid,))
        url = self.call("GET", f"/api/admin/articles/{aid}")[1]["article"]["url"]
        path = "/" + url.split("/", 3)[3]
        self.assertNotIn("Updated", self.site.get(path).body)  # cached now: the correction must reach it
        status, data, _ = self.call("PATCH", f"/api/admin/articles/{aid}",
                                    {"markdown": "The ferry leaves at 9.",
                                     "correction": "An earlier version gave the wrong departure time."})
        self.assertEqual(status, 200, data)
        self.assertEqual(data["article"]["corrections"][0]["note"],
                         "An earlier version gave the wrong departure time.")
        page = self.site.get(path).body
        self.assertIn("The ferry leaves at 9.", page)
        self.assertRegex(page, r'· Updated <time datetime="\d{4}-\d\d-\d\dT[\d:]+Z">')
        self.assertIn('<aside class="corrections"', page)
        self.assertIn("An earlier version gave the wrong departure time.", page)
        article = [d for d in json_ld(page) if d.get("@type") == "NewsArticle"][0]
        self.assertNotEqual(article["dateModified"], article["datePublished"])
        self.assertTrue(article["dateModified"].startswith(data["article"]["updated_at"][:16]))
        feed = json.loads(self.site.get("/feed.json").body)
        item = [i for i in feed["items"] if i["id"].endswith(f"/?p={aid}")][0]
        self.assertEqual(item["date_modified"], article["dateModified"])
        with sqlite3.connect(self.site.db) as db:
            kept = [r[0] for r in db.execute("SELECT correction FROM article_revisions WHERE article_id = ?", (aid,))]
        self.assertIn("An earlier version gave the wrong departure time.", kept)

    def test_drafts_take_no_corrections(self):
        status, data, _ = self.call("POST", "/api/admin/articles", {"title": "Draft", "markdown": "x"})
        self.assertEqual(status, 201)
        status, err, _ = self.call("PATCH", f"/api/admin/articles/{data['article']['id']}", {"correction": "No."})
        self.assertEqual((status, err["error"]["field"]), (422, "correction"))


if __name__ == "__main__":
    unittest.main()
