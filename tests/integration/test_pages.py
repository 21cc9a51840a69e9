"""Static pages through the Admin API: served at their own (nested) path, in the sitemap and the
footer menu, and absent from the home page, feeds, tag archives, related lists and search."""
import json
import unittest
import urllib.parse

from admin_client import add_user, api, api_token
from harness import GazetteSite, parse_html

WORD = "quillwort"  # in the page's body only, so that search would find it if pages were indexed


class PagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)
        cls.token = api_token(cls.site, add_user(cls.site, "ed@example.org", "editor"))

    def call(self, method, path, body=None):
        return api(self.site, method, path, token=self.token, body=body)

    def create_page(self, **fields):
        body = {"title": "Our team", "markdown": f"We are a small team who love the {WORD} plant.",
                "slug": "about/team", "tags": ["Cyber agreement"]}
        body.update(fields)
        status, data, res = self.call("POST", "/api/admin/pages", body)
        self.assertEqual(status, 201, res.body)
        return data["article"]

    def test_page_lifecycle_and_where_it_appears(self):
        page = self.create_page()
        self.assertEqual(page["kind"], "page")
        self.assertEqual(page["slug"], "about/team")
        self.assertEqual(urllib.parse.urlsplit(page["url"]).path, "/about/team/")
        pid = page["id"]
        self.assertEqual(self.site.get("/about/team/").status, 404)  # a draft

        status, data, res = self.call("POST", f"/api/admin/pages/{pid}/publish")
        self.assertEqual(status, 200, res.body)
        self.assertEqual(data["article"]["status"], "published")
        res = self.site.get("/about/team/")
        self.assertEqual(res.status, 200, res.body)
        doc = parse_html(res.body)
        self.assertEqual(doc.find("h1").text().strip(), "Our team")
        self.assertIn(WORD, res.body)
        self.assertNotIn('class="byline"', res.body)
        self.assertNotIn("<form method=\"post\" action=\"/comments\"", res.body)
        self.assertIsNone(doc.find(cls="comments"))
        self.assertNotIn("You May Also Like", res.body)
        moved = self.site.get("/about/team")
        self.assertEqual((moved.status, moved.headers.get("location")), (301, "/about/team/"))

        # An edit shows at once, through the page cache.
        self.site.get("/about/team/")  # now in the cache
        status, _, res = self.call("PATCH", f"/api/admin/pages/{pid}", {"markdown": f"Now with more {WORD}s."})
        self.assertEqual(status, 200, res.body)
        self.assertIn(f"Now with more {WORD}s.", self.site.get("/about/team/").body)

        # Absent from lists, feeds, archives, search and related lists.
        for path in ("/", "/tag/cyber-agreement/", "/feed/", "/feed/atom/", "/feed.json",
                     "/tag/cyber-agreement/feed/", "/news-sitemap.xml"):
            res = self.site.get(path)
            self.assertEqual(res.status, 200, path)
            self.assertNotIn("/about/team/", res.body, path)
            self.assertNotIn("Our team", res.body, path)
        results = json.loads(self.site.get("/search.json?" + urllib.parse.urlencode({"q": WORD})).body)
        self.assertEqual(results["results"], [], "pages are left out of search")
        for a in self.site.articles("published"):
            if a["id"] == pid:
                continue
            related = self.site.get(f"/related.json?article={a['id']}")
            if related.status == 200:
                self.assertNotIn(pid, [r["id"] for r in json.loads(related.body)["related"]])
        self.assertEqual(self.site.get(f"/related.json?article={pid}").status, 404)
        # The Admin API lists articles and pages apart.
        _, listed, _ = self.call("GET", "/api/admin/articles")
        self.assertNotIn(pid, [a["id"] for a in listed["articles"]])
        _, listed, _ = self.call("GET", "/api/admin/pages")
        self.assertEqual([a["id"] for a in listed["articles"]], [pid])
        self.assertEqual(self.call("GET", f"/api/admin/articles/{pid}")[0], 404)
        self.assertEqual(self.call("PATCH", f"/api/admin/articles/{pid}", {"title": "x"})[0], 404)

        # Present in the sitemap of pages.
        sitemap = self.site.get("/sitemap-pages.xml")
        self.assertEqual(sitemap.status, 200)
        self.assertIn("/about/team/</loc>", sitemap.body)

        status, _, _ = self.call("POST", f"/api/admin/pages/{pid}/unpublish")
        self.assertEqual(status, 200)
        self.assertEqual(self.site.get("/about/team/").status, 404)
        self.assertNotIn("/about/team/</loc>", self.site.get("/sitemap-pages.xml").body)

    def test_paths_are_validated(self):
        for slug, code in (("admin/help", 422), ("feed", 422), ("a/b/c/d", 422), ("sitemap-x", 422)):
            status, data, res = self.call("POST", "/api/admin/pages", {"title": "Bad", "markdown": "x", "slug": slug})
            self.assertEqual(status, code, f"{slug}: {res.body}")
            self.assertEqual(data["error"]["field"], "slug")
        self.create_page(title="Contact", slug="contact", status="published")
        status, _, _ = self.call("POST", "/api/admin/pages", {"title": "Again", "markdown": "x", "slug": "contact"})
        self.assertEqual(status, 409)

    def test_footer_menu(self):
        def menu_links(path="/"):
            nav = parse_html(self.site.get(path).body).find(cls="footer-menu")
            return None if nav is None else [(a.text(), a.attrs.get("href")) for a in nav.find_all("a")]

        self.assertIsNone(menu_links(), "an empty menu shows nothing")
        res = self.site.cli("settings", "set", "--db", self.site.db, "site.footer_menu",
                            "About <us> | /about/\nPress | https://press.example/kit")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(menu_links(), [("About <us>", "/about/"), ("Press", "https://press.example/kit")])
        self.assertIn("About &lt;us&gt;", self.site.get("/").body)
        bad = self.site.cli("settings", "set", "--db", self.site.db, "site.footer_menu", "About | javascript:x")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("line 1", bad.stderr)
        self.assertEqual(len(menu_links()), 2, "a refused menu changes nothing")
        res = self.site.cli("settings", "set", "--db", self.site.db, "site.footer_menu", "")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIsNone(menu_links())


if __name__ == "__main__":
    unittest.main()
