"""Every page type passes the Nu HTML Checker (vnu.jar, installed by `npm install`)."""
import shutil
import tempfile
import unittest
import urllib.parse

from admin_client import add_user, api, api_token
from harness import GazetteSite
from nu_checker import nu_problems
from test_featured_image import upload



class ValidateHtmlTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        # Two per page, so that the home page and a tag archive both have a second page.
        cls.site = GazetteSite(page_size=2).start()
        cls.tmp = tempfile.mkdtemp(prefix="gazette-vnu-")

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def fetch_pages(self):
        site = self.site
        articles = {a["id"]: a for a in site.articles()}
        with_comments = articles[2]["url"]
        pages = {}

        def keep(name, res, status):
            self.assertEqual(res.status, status, f"{name}: {res.body[:300]}")
            pages[name] = res.body

        keep("home", site.get("/"), 200)
        keep("home-page-2", site.get("/page/2/"), 200)
        keep("tag", site.get("/tag/cyber-agreement/"), 200)
        keep("tag-page-2", site.get("/tag/cyber-agreement/page/2/"), 200)
        keep("article-with-comments", site.get(with_comments), 200)
        keep("article-comment-pending", site.get(with_comments + "?comment=pending"), 200)
        for a in articles.values():
            keep(f"article-{a['id']}", site.get(a["url"]), 200)

        fields = site.form_fields(with_comments)
        fields.update(comment='Kept <text> & "quotes"', name="Ann", email="not-an-email", website="ftp://x")
        keep("comment-422", site.post_form("/comments", fields), 422)
        empty = site.form_fields(with_comments)
        empty.update(comment="", name="", email="", website="")
        keep("comment-422-all-empty", site.post_form("/comments", empty), 422)
        fields = site.form_fields(with_comments)
        fields.update(comment="Hello", name="Ann", email="ann@example.org", website="https://example.org/")
        keep("comment-403-origin", site.post_form("/comments", fields, headers={"Origin": "https://evil.example"}),
             403)
        keep("comment-403-token", site.post_form("/comments", dict(fields, token="1.00")), 403)
        keep("not-found", site.get("/no/such/page/"), 404)

        # An article with a featured image (figure, picture, caption, Open Graph tags).
        add_user(site, "ed@example.org", "editor")
        token = api_token(site, "ed@example.org")
        media = upload(site, token, "Boats & gulls")
        status, data, res = api(site, "POST", "/api/admin/articles", token, {
            "title": "Pictured", "markdown": "Text.", "status": "published",
            "featured_image": {"media_id": media["id"], "caption": 'Photo: "Quay" <staff>'}})
        self.assertEqual(status, 201, res.body)
        keep("article-featured-image", site.get(urllib.parse.urlsplit(data["article"]["url"]).path), 200)
        self.assertIn('<figure class="featured-image">', pages["article-featured-image"])
        # Cards with images: the home page now begins with two (the first loaded at once, the
        # second lazily), followed by text-only cards.
        status, _, res = api(site, "POST", "/api/admin/articles", token, {
            "title": "Pictured, too", "markdown": "Text.", "status": "published",
            "featured_image": {"media_id": media["id"], "alt": "Gulls over the quay"}})
        self.assertEqual(status, 201, res.body)
        keep("home-card-images", site.get("/"), 200)
        self.assertIn('<a class="card-image"', pages["home-card-images"])
        self.assertIn('loading="lazy"', pages["home-card-images"])
        # A joint byline; author pages with and without a biography and photo, and a second page.
        status, data, res = api(site, "POST", "/api/admin/articles", token, {
            "title": "Jointly written", "markdown": "Text.", "status": "published",
            "authors": ["Maya Okafor", "Bo Chen"]})
        self.assertEqual(status, 201, res.body)
        keep("article-joint-byline", site.get(urllib.parse.urlsplit(data["article"]["url"]).path), 200)
        status, _, res = api(site, "PATCH", "/api/admin/authors/maya-okafor", token, {
            "bio": 'Maya covers the council & "budgets" <since 2019>.', "photo_media_id": media["id"]})
        self.assertEqual(status, 200, res.body)
        keep("author", site.get("/author/maya-okafor/"), 200)
        self.assertIn('class="author-bio"', pages["author"])
        keep("author-page-2", site.get("/author/maya-okafor/page/2/"), 200)
        keep("author-no-profile", site.get("/author/bo-chen/"), 200)
        # A static page at a nested path, with the footer menu shown on every page.
        status, data, res = api(site, "POST", "/api/admin/pages", token, {
            "title": 'About "us" & <friends>', "markdown": "We write *news*.\n\n- one\n- two",
            "slug": "about/team", "status": "published", "featured_image": {"media_id": media["id"]}})
        self.assertEqual(status, 201, res.body)
        menu = site.cli("settings", "set", "--db", site.db, "site.footer_menu", "Our team | /about/team/\nHome | /")
        self.assertEqual(menu.returncode, 0, menu.stderr)
        keep("static-page", site.get("/about/team/"), 200)
        self.assertIn('class="footer-links footer-menu"', pages["static-page"])
        self.assertIn('<h1>About &quot;us&quot; &amp; &lt;friends&gt;</h1>', pages["static-page"])
        return pages

    def test_every_page_type_is_valid_html(self):
        problems = nu_problems(self, self.fetch_pages(), self.tmp)
        self.assertEqual(problems, [], "HTML errors:\n" + "\n".join(problems))


if __name__ == "__main__":
    unittest.main()
