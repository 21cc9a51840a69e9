"""Featured images: chosen in the editor or through the Admin API, shown at the top of the article
in several sizes, escaped, and offered to link previews (og:image)."""
import json
import re
import unittest
import urllib.parse

from admin_client import AdminClient, add_user, api, api_token, request
from harness import GazetteSite
from test_admin_media import multipart, png
from test_cache import metric


def upload(site, token, alt, size=(1800, 900)):
    body, ctype = multipart({"alt": alt}, {"file": ("photo.png", png(*size, (30, 120, 90)), "image/png")})
    res = request(site, "POST", "/api/admin/media", body=body,
                  headers={"Content-Type": ctype, "Authorization": f"Bearer {token}"})
    if res.status != 201:
        raise AssertionError(f"upload failed: {res.status} {res.body[:300]}")
    return json.loads(res.body)["media"]


def path_of(url):
    return urllib.parse.urlsplit(url).path


def figure(page):
    m = re.search(r'<figure class="featured-image">.*?</figure>', page, re.S)
    return m.group(0) if m else None


def cards(page):
    """The cards of a list page, in order: (headline, <picture> or None)."""
    out = []
    for card in re.findall(r'<article class="card[^"]*">.*?</article>', page, re.S):
        title = re.search(r'<h2 class="card-title"><a [^>]*>(.*?)</a>', card, re.S).group(1)
        picture = re.search(r"<picture>.*?</picture>", card, re.S)
        out.append((title, picture.group(0) if picture else None))
    return out


class FeaturedImageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)
        add_user(cls.site, "ed@example.org", "editor")
        cls.token = api_token(cls.site, "ed@example.org")
        cls.described = upload(cls.site, cls.token, "Fishing boats at the harbour wall")
        cls.undescribed = upload(cls.site, cls.token, "", size=(800, 600))

    def create(self, **fields):
        body = {"title": "Featured " + fields.pop("title", "story"), "markdown": "Text.", "status": "published"}
        body.update(fields)
        status, data, res = api(self.site, "POST", "/api/admin/articles", self.token, body)
        self.assertEqual(status, 201, res.body)
        return data["article"]

    def page(self, article):
        return self.site.get(path_of(article["url"])).body

    def test_api_sets_shows_and_removes_the_featured_image(self):
        article = self.create(title="with a photo", featured_image={
            "media_id": self.described["id"], "alt": 'Boats <script>alert("x")</script>',
            "caption": 'Photo: "R. Quay" & <b>staff</b>'})
        self.assertEqual(article["featured_image"]["media_id"], self.described["id"])
        status, data, _ = api(self.site, "GET", "/api/admin/articles?q=photo", self.token)
        listed = [a for a in data["articles"] if a["id"] == article["id"]]
        self.assertEqual(listed[0]["featured_image"], article["featured_image"], "the list shows it too")
        page = self.page(article)
        fig = figure(page)
        self.assertIsNotNone(fig, "the article page shows the featured image")
        # Before the body, after the byline.
        self.assertLess(page.index('class="byline"'), page.index(fig))
        self.assertLess(page.index(fig), page.index('class="article-body"'))
        self.assertIn('alt="Boats &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"', fig)
        self.assertIn("<figcaption>Photo: &quot;R. Quay&quot; &amp; &lt;b&gt;staff&lt;/b&gt;</figcaption>", fig)
        self.assertNotIn("<script>", fig)
        self.assertRegex(fig, r'<source type="image/webp" srcset="[^"]*-480\.webp 480w, [^"]*-960\.webp 960w, '
                              r'[^"]*-1600\.webp 1600w"')
        self.assertNotIn('loading="lazy"', fig, "the image at the top of the page is not lazy-loaded")
        og = re.search(r'<meta property="og:image" content="([^"]+)">', page)
        self.assertTrue(og and og.group(1).endswith("-1600.png"), "link previews get the largest image")
        self.assertEqual(self.site.get(path_of(og.group(1))).status, 200)

        # Removing it takes it off the (cached) page at once.
        status, data, _ = api(self.site, "PATCH", f"/api/admin/articles/{article['id']}", self.token,
                              {"featured_image": None})
        self.assertEqual(status, 200)
        self.assertIsNone(data["article"]["featured_image"])
        page = self.page(article)
        self.assertIsNone(figure(page))
        self.assertNotIn("og:image", page)

    def test_cards_on_the_home_page_and_tag_archive_show_the_image(self):
        plain = self.create(title="card without a photo", tags=["Quayside"])
        older = self.create(title="card further down", tags=["Quayside"], featured_image={
            "media_id": self.undescribed["id"], "alt": "A quiet street at night"})
        lead = self.create(title="card on top", tags=["Quayside", "Weather"], featured_image={
            "media_id": self.described["id"], "alt": 'Boats & "nets"'})
        for path in ("/", "/tag/quayside/"):
            with self.subTest(path=path):
                shown = cards(self.site.get(path).body)[:3]
                self.assertEqual([t for t, _ in shown], [lead["title"], older["title"], plain["title"]])
                top, second, none = (p for _, p in shown)
                self.assertIn('alt="Boats &amp; &quot;nets&quot;"', top)
                self.assertRegex(top, r'<source type="image/webp" srcset="[^"]*-480\.webp 480w[^"]*" sizes="[^"]*12rem')
                self.assertRegex(top, r'<img [^>]*width="\d+" height="\d+"')
                self.assertNotIn('loading="lazy"', top, "the first card's image is at the top of the page")
                self.assertIn('alt="A quiet street at night"', second)
                self.assertIn('loading="lazy"', second)
                self.assertIsNone(none, "a card without a featured image shows none")

        # The home page is cached; removing the image takes it off the card at once.
        self.site.get("/")
        hits = metric(self.site, "gazette_cache_hits_total")
        self.assertEqual(cards(self.site.get("/").body)[0][0], lead["title"])
        self.assertGreater(metric(self.site, "gazette_cache_hits_total"), hits, "the home page was served cached")
        status, _, _ = api(self.site, "PATCH", f"/api/admin/articles/{lead['id']}", self.token,
                           {"featured_image": None})
        self.assertEqual(status, 200)
        self.assertEqual(cards(self.site.get("/").body)[0], (lead["title"], None))
        self.assertEqual(cards(self.site.get("/tag/quayside/").body)[0], (lead["title"], None))
        self.assertIn('loading="lazy"', cards(self.site.get("/").body)[1][1])

    def test_alt_text_defaults_to_the_upload_description_and_is_required(self):
        article = self.create(title="alt by default", featured_image={"media_id": self.described["id"]})
        self.assertEqual(article["featured_image"]["alt"], "Fishing boats at the harbour wall")
        self.assertIn('alt="Fishing boats at the harbour wall"', figure(self.page(article)))
        before = len(self.site.articles())
        status, data, _ = api(self.site, "POST", "/api/admin/articles", self.token,
                              {"title": "No description", "markdown": "x",
                               "featured_image": {"media_id": self.undescribed["id"]}})
        self.assertEqual(status, 422)
        self.assertIn("alt", data["error"]["message"])
        self.assertEqual(len(self.site.articles()), before, "a refused request creates nothing")

    def test_bad_featured_images_are_refused_with_422(self):
        article = self.create(title="refusals")
        for bad, field in (({"media_id": 999999, "alt": "x"}, "featured_image"), ("photo.png", "featured_image"),
                           ({"alt": "no id"}, "featured_image"), ({"media_id": "1", "alt": "x"}, "featured_image"),
                           ({"media_id": self.described["id"], "alt": "x" * 301}, "featured_image")):
            status, data, res = api(self.site, "PATCH", f"/api/admin/articles/{article['id']}", self.token,
                                    {"featured_image": bad})
            self.assertEqual(status, 422, f"{bad!r}: {res.body}")
            self.assertEqual(data["error"]["field"], field)
        self.assertIsNone(figure(self.page(article)))

    def test_editor_picks_an_image_from_the_library(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        form = ed.get("/admin/articles/new").body
        self.assertIn(f'name="featured_media" value="{self.described["id"]}"', form)
        # Without a description for an image that has none, the form comes back with the text kept.
        res = ed.post("/admin/articles/new", {"title": "Editor photo", "markdown": "Kept body", "status": "published",
                                               "featured_media": str(self.undescribed["id"]), "featured_alt": "",
                                               "action": "save"})
        self.assertEqual(res.status, 422)
        self.assertIn("alt text", res.body)
        self.assertIn("Kept body", res.body)
        self.assertRegex(res.body, rf'value="{self.undescribed["id"]}" checked')
        self.assertFalse([a for a in self.site.articles() if a["title"] == "Editor photo"], "nothing was created")
        res = ed.post("/admin/articles/new", {"title": "Editor photo", "markdown": "Kept body", "status": "published",
                                               "featured_media": str(self.undescribed["id"]),
                                               "featured_alt": "A quiet street at night",
                                               "featured_caption": "Harbourton, November", "action": "save"})
        self.assertEqual(res.status, 303, res.body[:500])
        edit = res.headers["location"]
        form = ed.get(edit).body
        self.assertRegex(form, rf'value="{self.undescribed["id"]}" checked')
        self.assertIn('value="A quiet street at night"', form)
        url = [a["url"] for a in self.site.articles("published") if a["title"] == "Editor photo"][0]
        fig = figure(self.site.get(url).body)
        self.assertIn('alt="A quiet street at night"', fig)
        self.assertIn("<figcaption>Harbourton, November</figcaption>", fig)
        # "None" removes it.
        fields = {"title": "Editor photo", "markdown": "Kept body", "featured_media": "0", "action": "save"}
        self.assertEqual(ed.post(edit.split("?")[0], fields).status, 303)
        self.assertIsNone(figure(self.site.get(url).body))


if __name__ == "__main__":
    unittest.main()
