"""What search engines and link previews read: JSON-LD (NewsArticle, BreadcrumbList, WebSite,
Organization), Open Graph and Twitter cards, robots meta, paginated lists' links, and the image
crops (16:9, 4:3, 1:1) that structured data points at."""
import json
import sqlite3
import struct
import unittest
import urllib.parse

from admin_client import AdminClient, add_user, api, api_token
from harness import GazetteSite, parse_html
from test_featured_image import upload

HOSTILE = 'He said "no" </script><script>alert(1)</script> <!-- \u2028 \u2029 & done \U0001F30A'
LOGO = "/static/logo.png"
DEFAULT_IMAGE = "https://cdn.example/share.png"


def path_of(url):
    """The path of `url`, percent-encoded as pages link it (a slug may hold emoji)."""
    return urllib.parse.quote(urllib.parse.unquote(urllib.parse.urlsplit(url).path))


def json_ld(page):
    """Every JSON-LD block of the page, parsed from the script elements' text as a browser reads it."""
    doc = parse_html(page)
    return [json.loads(s.text()) for s in doc.find_all("script", type="application/ld+json")]


def of_type(blocks, kind):
    found = [b for b in blocks if b.get("@type") == kind]
    return found[0] if len(found) == 1 else None


def meta(page):
    """{property or name: [content, ...]} of the <meta> elements in <head>."""
    out = {}
    for m in parse_html(page).find_all("meta"):
        key = m.attrs.get("property") or m.attrs.get("name")
        if key:
            out.setdefault(key, []).append(m.attrs.get("content"))
    return out


def links(page):
    return {l.attrs.get("rel"): l.attrs.get("href") for l in parse_html(page).find_all("link")}


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError("not a PNG")
    return struct.unpack(">II", data[16:24])


class StructuredDataTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        def settings(site):
            for key, value in (("site.publisher_name", "Harbourton Media"), ("site.publisher_logo", LOGO),
                               ("site.default_image", DEFAULT_IMAGE), ("site.url", "http://news.example")):
                res = site.cli("settings", "set", key, value, "--db", site.db)
                if res.returncode != 0:
                    raise AssertionError(res.stderr)

        cls.site = GazetteSite(page_size=2, prepare=settings).start()
        cls.addClassCleanup(cls.site.stop)
        add_user(cls.site, "ed@example.org", "editor", name="Ann Reyes")
        cls.token = api_token(cls.site, "ed@example.org")
        cls.image = upload(cls.site, cls.token, "Boats at the quay", size=(1800, 900))
        status, data, res = api(cls.site, "POST", "/api/admin/articles", cls.token, {
            "title": HOSTILE, "markdown": "The harbour wall is repaired.", "status": "published",
            "author": "Ann Reyes", "tags": ["Harbour works", "Council"],
            "featured_image": {"media_id": cls.image["id"], "alt": 'Boats & "nets"'}})
        if status != 201:
            raise AssertionError(res.body)
        cls.article = data["article"]
        cls.path = path_of(cls.article["url"])
        cls.url = "http://news.example" + cls.path

    def page(self, path, status=200):
        res = self.site.get(path)
        self.assertEqual(res.status, status, res.body[:300])
        return res.body

    # --- JSON-LD --------------------------------------------------------------------------------
    def test_article_news_article_holds_every_property(self):
        page = self.page(self.path)
        blocks = json_ld(page)
        self.assertEqual(len(blocks), 2, "NewsArticle and BreadcrumbList")
        a = of_type(blocks, "NewsArticle")
        self.assertIsNotNone(a)
        self.assertEqual(a["@context"], "https://schema.org")
        self.assertEqual(a["headline"], HOSTILE, "quotes, </script>, <!--, U+2028/9 and emoji survive")
        self.assertEqual(a["description"], "The harbour wall is repaired.")
        crops = {c["ratio"]: c["url"] for c in self.image["crops"]}
        self.assertEqual(a["image"], [crops["16x9"], crops["4x3"], crops["1x1"]])
        self.assertTrue(all(u.startswith("http://news.example/media/") for u in a["image"]))
        for key in ("datePublished", "dateModified"):
            self.assertRegex(a[key], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", key)
        self.assertGreaterEqual(a["dateModified"], a["datePublished"])
        self.assertEqual(a["author"], [{"@type": "Person", "name": "Ann Reyes",
                                        "url": "http://news.example/author/ann-reyes/"}])
        self.assertEqual(a["publisher"], {"@type": "Organization", "name": "Harbourton Media",
                                          "url": "http://news.example/",
                                          "logo": {"@type": "ImageObject", "url": "http://news.example" + LOGO}})
        self.assertEqual(a["mainEntityOfPage"], {"@type": "WebPage", "@id": self.url})
        self.assertEqual(a["articleSection"], "Harbour works")
        self.assertEqual(a["keywords"], ["Harbour works", "Council"])
        crumbs = of_type(blocks, "BreadcrumbList")["itemListElement"]
        self.assertEqual([(c["position"], c["name"], c["item"]) for c in crumbs], [
            (1, self.site_title(), "http://news.example/"),
            (2, "Harbour works", "http://news.example/tag/harbour-works/"),
            (3, HOSTILE, self.url)])

    def test_a_hostile_headline_cannot_end_the_block(self):
        page = self.page(self.path)
        self.assertNotIn("<script>alert", page)
        scripts = parse_html(page).find_all("script")
        self.assertEqual(sorted(s.attrs.get("type", "") for s in scripts),
                         ["", "application/ld+json", "application/ld+json"], "no script element was injected")
        for s in scripts:
            if s.attrs.get("type") == "application/ld+json":
                self.assertTrue(s.text().strip().endswith("}"), "each block ends where its JSON ends")
                for raw in ("<", ">", "&", "\u2028", "\u2029"):
                    self.assertNotIn(raw, s.text(), "written as a \\u escape")

    def test_home_page_has_website_search_and_organization(self):
        blocks = json_ld(self.page("/"))
        site = of_type(blocks, "WebSite")
        self.assertIsNotNone(site)
        self.assertEqual(site["url"], "http://news.example/")
        self.assertEqual(site["name"], self.site_title())
        action = site["potentialAction"]
        self.assertEqual(action["@type"], "SearchAction")
        self.assertEqual(action["target"]["urlTemplate"], "http://news.example/search?q={search_term_string}")
        self.assertEqual(action["query-input"], "required name=search_term_string")
        org = of_type(blocks, "Organization")
        self.assertEqual(org["name"], "Harbourton Media")
        self.assertEqual(org["logo"]["url"], "http://news.example" + LOGO)
        # The search box the action names answers.
        self.assertEqual(self.site.get("/search?q=harbour").status, 200)
        self.assertEqual(json_ld(self.page("/page/2/")), [], "only the home page itself describes the site")

    # --- Open Graph and Twitter ----------------------------------------------------------------
    def test_article_open_graph_and_twitter_card(self):
        m = meta(self.page(self.path))
        one = {k: v[0] for k, v in m.items()}
        self.assertEqual(one["og:type"], "article")
        self.assertEqual(one["og:title"], HOSTILE)
        self.assertEqual(one["og:url"], self.url)
        self.assertEqual(one["og:locale"], "en_US")
        self.assertTrue(one["og:image"].startswith("http://news.example/media/"))
        self.assertTrue(one["og:image"].endswith("-1600.png"))
        self.assertEqual((one["og:image:width"], one["og:image:height"]), ("1600", "800"))
        self.assertEqual(one["og:image:alt"], 'Boats & "nets"')
        self.assertRegex(one["article:published_time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertRegex(one["article:modified_time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(m["article:author"], ["http://news.example/author/ann-reyes/"])
        self.assertEqual(one["article:section"], "Harbour works")
        self.assertEqual(m["article:tag"], ["Harbour works", "Council"])
        self.assertEqual(one["twitter:card"], "summary_large_image")

    def test_other_pages_are_websites_with_the_default_image(self):
        for path in ("/", "/tag/harbour-works/", "/search?q=harbour"):
            with self.subTest(path=path):
                m = meta(self.page(path))
                self.assertEqual(m["og:type"], ["website"])
                self.assertEqual(m["og:image"], [DEFAULT_IMAGE])
                self.assertEqual(m["og:locale"], ["en_US"])
                self.assertEqual(m["twitter:card"], ["summary"])
                self.assertNotIn("article:published_time", m)
        # An article without an image of its own falls back to the default image too.
        status, data, _ = api(self.site, "POST", "/api/admin/articles", self.token,
                              {"title": "Plain story", "markdown": "Text.", "status": "published"})
        self.assertEqual(status, 201)
        page = self.page(path_of(data["article"]["url"]))
        self.assertEqual(meta(page)["og:image"], [DEFAULT_IMAGE])
        self.assertEqual(meta(page)["twitter:card"], ["summary"])
        self.assertEqual(of_type(json_ld(page), "NewsArticle")["image"], [DEFAULT_IMAGE])

    # --- robots, canonical, prev/next ----------------------------------------------------------
    def test_robots_meta_per_page_kind(self):
        self.assertEqual(meta(self.page(self.path))["robots"], ["max-image-preview:large"])
        self.assertEqual(meta(self.page("/search?q=harbour"))["robots"], ["noindex"])
        self.assertEqual(meta(self.page("/no/such/page/", 404))["robots"], ["noindex"])
        personal = self.site.get(self.path + "?comment=pending")
        self.assertEqual(personal.headers["cache-control"], "no-store")
        self.assertEqual(meta(personal.body)["robots"], ["noindex"])
        self.assertEqual(meta(self.page(self.path + "?replytocom=1"))["robots"], ["noindex"])
        self.assertNotIn("robots", meta(self.page("/")))

    def test_paginated_lists_have_canonical_prev_and_next(self):
        page2 = links(self.page("/page/2/"))
        self.assertEqual(page2["canonical"], "http://news.example/page/2/")
        self.assertEqual(page2["prev"], "http://news.example/")
        self.assertEqual(page2["next"], "http://news.example/page/3/")
        first = links(self.page("/"))
        self.assertEqual(first["canonical"], "http://news.example/")
        self.assertNotIn("prev", first)
        self.assertEqual(first["next"], "http://news.example/page/2/")
        status, _, _ = api(self.site, "POST", "/api/admin/articles", self.token, {
            "title": "More harbour works", "markdown": "x", "status": "published", "tags": ["Harbour works"]})
        self.assertEqual(status, 201)
        status, _, _ = api(self.site, "POST", "/api/admin/articles", self.token, {
            "title": "Harbour works again", "markdown": "x", "status": "published", "tags": ["Harbour works"]})
        self.assertEqual(status, 201)
        tag2 = links(self.page("/tag/harbour-works/page/2/"))
        self.assertEqual(tag2["canonical"], "http://news.example/tag/harbour-works/page/2/")
        self.assertEqual(tag2["prev"], "http://news.example/tag/harbour-works/")
        self.assertNotIn("next", tag2)

    # --- crops ---------------------------------------------------------------------------------
    def assert_crops(self, crops, want):
        self.assertEqual([(c["ratio"], c["width"], c["height"]) for c in crops], want)
        for c in crops:
            res = self.site.get(path_of(c["url"]))
            self.assertEqual(res.status, 200, c["url"])
            w, h = png_size(res.raw)
            self.assertEqual((w, h), (c["width"], c["height"]))
            across, down = (int(n) for n in c["ratio"].split("x"))
            self.assertEqual(w * down, h * across, f"{c['ratio']} is exact: {w}x{h}")

    def test_uploads_get_crops_of_1200_px_where_the_original_allows(self):
        self.assert_crops(self.image["crops"], [("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 900, 900)])
        small = upload(self.site, self.token, "A small photo", size=(800, 600))
        self.assert_crops(small["crops"], [("16x9", 800, 450), ("4x3", 800, 600), ("1x1", 600, 600)])

    def test_images_from_before_crops_get_them_from_the_command(self):
        old = upload(self.site, self.token, "An old photo", size=(1600, 1200))
        status, data, _ = api(self.site, "POST", "/api/admin/articles", self.token, {
            "title": "From the archive", "markdown": "x", "status": "published",
            "featured_image": {"media_id": old["id"]}})
        self.assertEqual(status, 201)
        path = path_of(data["article"]["url"])
        # As an image uploaded before crops existed: no crops recorded.
        with sqlite3.connect(self.site.db) as db:
            db.execute("UPDATE media SET crops = '' WHERE id = ?", (old["id"],))
        page = self.page(path)
        self.assertEqual(len(of_type(json_ld(page), "NewsArticle")["image"]), 1, "its largest file meanwhile")
        self.page(path)  # cached now
        res = self.site.cli("media", "crops", "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("Made the crops of 1 image", res.stdout)
        images = of_type(json_ld(self.page(path)), "NewsArticle")["image"]
        self.assertEqual(len(images), 3, "the cached page shows the crops at once")
        self.assertTrue(images[0].endswith("-16x9-1200.png"))
        status, data, _ = api(self.site, "GET", "/api/admin/media", self.token)
        stored = [m for m in data["media"] if m["id"] == old["id"]][0]
        self.assert_crops(stored["crops"], [("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 1200, 1200)])
        again = self.site.cli("media", "crops", "--db", self.site.db)
        self.assertIn("Made the crops of 0 image", again.stdout)

    # --- settings ------------------------------------------------------------------------------
    def test_settings_are_checked_and_editable_in_the_admin(self):
        bad = self.site.cli("settings", "set", "site.publisher_logo", "javascript:alert(1)", "--db", self.site.db)
        self.assertNotEqual(bad.returncode, 0)
        listed = self.site.cli("settings", "list", "--db", self.site.db).stdout.splitlines()
        keys = [line.split("\t")[0] for line in listed]
        self.assertEqual(keys[keys.index("site.page_size") + 1:keys.index("site.page_size") + 4],
                         ["site.publisher_name", "site.publisher_logo", "site.default_image"])
        add_user(self.site, "admin@example.org", "administrator")
        a = AdminClient(self.site)
        a.login("admin@example.org")
        form = a.get("/admin/settings").body
        self.assertIn(f'name="publisher_logo" value="{LOGO}"', form)
        fields = {"title": self.site_title(), "description": "News", "url": "http://news.example",
                  "permalink": "/{yyyy}/{mm}/{dd}/{slug}/", "page_size": "2", "publisher_name": "Harbourton Media",
                  "publisher_logo": "//evil.example/logo.png", "default_image": DEFAULT_IMAGE}
        self.assertEqual(a.post("/admin/settings", fields).status, 422)
        fields["publisher_logo"] = LOGO
        self.assertEqual(a.post("/admin/settings", fields).status, 200)
        self.assertEqual(of_type(json_ld(self.page("/")), "Organization")["logo"]["url"], "http://news.example" + LOGO)

    def site_title(self):
        return parse_html(self.page("/")).find("p", cls="site-title").text().strip()


if __name__ == "__main__":
    unittest.main()
