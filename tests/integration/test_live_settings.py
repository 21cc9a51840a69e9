"""Settings changes reach a running server at once, whichever process made them: the admin's
settings page, or `gazette settings set` beside the server. Cached pages follow too."""
import re
import unittest
import urllib.parse

from admin_client import AdminClient, add_user
from comment_helpers import gazette
from harness import GazetteSite


def title_of(page):
    return re.search(r"<title>(.*?)</title>", page).group(1)


class LiveSettingsTest(unittest.TestCase):
    def setUp(self):
        self.site = GazetteSite().start()
        self.addCleanup(self.site.stop)

    def article(self):
        a = self.site.articles("published")[0]
        return a, urllib.parse.urlsplit(a["url"]).path

    def test_cli_change_reaches_cached_pages(self):
        a, path = self.article()
        self.assertIn("Gazette", title_of(self.site.get("/").body))
        self.site.get(path)  # both pages are now cached
        res = gazette(self.site, "settings", "set", "site.title", "The Evening Herald")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(title_of(self.site.get("/").body), "The Evening Herald")
        self.assertTrue(title_of(self.site.get(path).body).endswith("| The Evening Herald"))

    def test_permalink_change_moves_articles_at_once(self):
        a, old = self.article()
        self.assertEqual(self.site.get(old).status, 200)
        res = gazette(self.site, "settings", "set", "site.permalink", "/news/{slug}/")
        self.assertEqual(res.returncode, 0, res.stderr)
        slug = old.rstrip("/").rsplit("/", 1)[1]
        page = self.site.get(f"/news/{slug}/")
        self.assertEqual(page.status, 200)
        self.assertIn(f'<link rel="canonical" href="http://127.0.0.1:8080/news/{slug}/">', page.body)
        self.assertIn(f'href="/news/{slug}/"', self.site.get("/").body, "the home page links to the new place")
        moved = self.site.get(old)
        self.assertEqual(moved.status, 301, "the old address sends readers on")
        self.assertEqual(moved.headers["location"], f"/news/{slug}/")
        self.assertEqual(self.site.get("/2001/01/01/no-such-story/").status, 404)

    def test_bad_values_are_refused_and_change_nothing(self):
        for key, value in (("site.permalink", "no-slug-here"), ("site.url", "ftp://example.org"),
                           ("site.page_size", "0"), ("site.nonsense", "x"), ("site.title", "")):
            res = gazette(self.site, "settings", "set", key, value)
            self.assertNotEqual(res.returncode, 0, f"{key}={value!r} was accepted")
        self.assertIn("Gazette", title_of(self.site.get("/").body))
        _, path = self.article()
        self.assertEqual(self.site.get(path).status, 200)
        listed = gazette(self.site, "settings", "list").stdout
        self.assertIn("site.permalink\t", listed)
        self.assertIn("comments.closed_by_default\t", listed)

    def test_comments_closed_by_default_reaches_cached_article_pages(self):
        _, path = self.article()
        self.assertNotIn("Comments are closed.", self.site.get(path).body)  # cached with the form
        res = gazette(self.site, "settings", "set", "comments.closed_by_default", "true")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("Comments are closed.", self.site.get(path).body)

    def test_admin_settings_page_applies_at_once(self):
        add_user(self.site, "admin@example.org", "administrator")
        a = AdminClient(self.site)
        a.login("admin@example.org")
        self.site.get("/")
        res = a.post("/admin/settings", {"title": "Harbourton Herald", "description": "News of the quays",
                                         "url": "http://127.0.0.1:8080", "permalink": "/{yyyy}/{mm}/{dd}/{slug}/",
                                         "page_size": "3"})
        self.assertEqual(res.status, 200)
        self.assertIn("The site shows the new settings now.", res.body)
        self.assertIn("Harbourton Herald", a.get("/admin/").body, "the admin shows the new title")
        home = self.site.get("/").body
        self.assertEqual(title_of(home), "Harbourton Herald")
        self.assertIn("News of the quays", home)
        self.assertEqual(len(re.findall(r'<article class="card', home)), 3, "three articles a page")


if __name__ == "__main__":
    unittest.main()
