"""What crawlers and link unfurlers read: the sitemap index and its children, the news sitemap,
robots.txt, the favicon and icons, and oEmbed (issue 11).

The sitemaps are validated with xmllint against the sitemaps.org schemas in ../shared/schemas
(never copied into this repository; those tests skip when the folder is missing). Those schemas
take elements of other namespaces only under strict processing, so the image and news
extensions are checked against small schemas of this file's own, written from Google's
documentation of both (the elements Gazette writes and Google requires).

The server runs on the real clock; articles are imported with publication times set back from
it (`import text --date`), hours from any edge of the 48-hour window.
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from admin_client import add_user, api, api_token, AdminClient
from harness import SOURCE_DIR, GazetteSite
from test_cache import metric
from test_featured_image import upload

SCHEMAS = os.path.abspath(os.environ.get("GAZETTE_SCHEMAS") or os.path.join(SOURCE_DIR, "..", "shared", "schemas"))
SITE_URL = "https://news.example.org"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "image": "http://www.google.com/schemas/sitemap-image/1.1",
      "news": "http://www.google.com/schemas/sitemap-news/0.9"}
W3C_DATETIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"

# Google's image and news extensions, as documented (developers.google.com/search/docs/crawling-
# indexing/sitemaps/image-sitemaps and news-sitemap): what Gazette writes, strictly.
IMAGE_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
            targetNamespace="http://www.google.com/schemas/sitemap-image/1.1">
  <xsd:element name="image">
    <xsd:complexType><xsd:sequence>
      <xsd:element name="loc" type="xsd:anyURI"/>
    </xsd:sequence></xsd:complexType>
  </xsd:element>
</xsd:schema>
"""
NEWS_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
            xmlns="http://www.google.com/schemas/sitemap-news/0.9"
            targetNamespace="http://www.google.com/schemas/sitemap-news/0.9">
  <xsd:element name="news">
    <xsd:complexType><xsd:sequence>
      <xsd:element name="publication">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="name" type="tNonEmpty"/>
          <xsd:element name="language">
            <xsd:simpleType><xsd:restriction base="xsd:string">
              <xsd:pattern value="zh-cn|zh-tw|[a-z]{2,3}"/>
            </xsd:restriction></xsd:simpleType>
          </xsd:element>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="publication_date" type="xsd:dateTime"/>
      <xsd:element name="title" type="tNonEmpty"/>
    </xsd:sequence></xsd:complexType>
  </xsd:element>
  <xsd:simpleType name="tNonEmpty">
    <xsd:restriction base="xsd:string"><xsd:minLength value="1"/></xsd:restriction>
  </xsd:simpleType>
</xsd:schema>
"""
# A schema of no namespace that brings the three together, for a sitemap with extensions.
WITH_EXTENSIONS_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{sitemap}"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-image/1.1" schemaLocation="image.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="news.xsd"/>
</xsd:schema>
"""


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def path_of(url):
    return urllib.parse.urlsplit(url).path


def locs(root):
    return [e.text for e in root.iterfind("sm:url/sm:loc", NS)]


class SitemapsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(demo=False, url=SITE_URL, title="The Harbourton Gazette").start()
        cls.addClassCleanup(cls.site.stop)
        cls.tmp = tempfile.mkdtemp(prefix="gazette-sitemaps-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        cls.now = now
        # title -> (publication time or None for a draft, tag, byline)
        plan = {
            "Ferry timetable changes": (now - datetime.timedelta(hours=1), "Transport", "Ann Author"),
            "Harbour wall repaired": (now - datetime.timedelta(hours=46), "Harbour", "Bo Writer"),
            "Lifeboat crew honoured": (now - datetime.timedelta(hours=50), "Harbour", "Ann Author"),
            "Market hall reopens": (now - datetime.timedelta(days=10), "Town", "Cy Reporter"),
            "Summer regatta results": (datetime.datetime(2025, 6, 15, 10, 0, tzinfo=datetime.timezone.utc),
                                       "Sport", "bo writer"),
            "Tomorrow's tide tables": (now + datetime.timedelta(hours=3), "Harbour", "Ann Author"),
            "A draft about the pier": (None, "Harbour", "Ann Author"),
        }
        for n, (title, (when, tag, author)) in enumerate(plan.items()):
            cls.import_article(n, title, when, tag, author)
        add_user(cls.site, "ed@example.org", "editor")
        cls.token = api_token(cls.site, "ed@example.org")
        photo = upload(cls.site, cls.token, "Boats at the quay")
        status, data, res = api(cls.site, "POST", "/api/admin/articles", cls.token, {
            "title": "Fishing fleet returns", "markdown": "Boats.", "status": "published", "author": "Dee Editor",
            "tags": ["Harbour"], "featured_image": {"media_id": photo["id"], "alt": "Boats"}})
        assert status == 201, res.body
        cls.by_title = {a["title"]: a for a in cls.site.articles()}

    @classmethod
    def import_article(cls, n, title, when, tag, author):
        folder = os.path.join(cls.tmp, f"import-{n}")
        os.makedirs(os.path.join(folder, tag))
        with open(os.path.join(folder, tag, "story.txt"), "w", encoding="utf-8") as f:
            f.write(f"{title}\n\nThe first paragraph of {title.lower()}.\n")
        args = ["import", "text", folder, "--author", author]
        args += ["--date", iso(when)] if when else ["--draft"]
        res = cls.site.cli(*args)
        assert res.returncode == 0, res.stderr

    # --- helpers ---------------------------------------------------------------------------
    def fetch_xml(self, path):
        res = self.site.get(path)
        self.assertEqual(res.status, 200, f"{path}: {res.body[:300]}")
        self.assertEqual(res.headers["content-type"], "application/xml; charset=utf-8")
        return res.raw, ET.fromstring(res.raw)

    def url_of(self, title):
        return SITE_URL + self.by_title[title]["url"]

    def validate(self, raw, schema):
        if not os.path.isdir(SCHEMAS):
            self.skipTest(f"no sitemap schemas at {SCHEMAS} (set GAZETTE_SCHEMAS)")
        if not shutil.which("xmllint"):
            self.skipTest("xmllint is not installed (Debian's libxml2-utils; make test installs it)")
        folder = os.path.join(self.tmp, "schemas")
        if not os.path.isdir(folder):
            os.makedirs(folder)
            for name, text in (("image.xsd", IMAGE_XSD), ("news.xsd", NEWS_XSD),
                               ("with-extensions.xsd",
                                WITH_EXTENSIONS_XSD.format(sitemap=os.path.join(SCHEMAS, "sitemap.xsd")))):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write(text)
        schema_file = (os.path.join(folder, "with-extensions.xsd") if schema == "with-extensions"
                       else os.path.join(SCHEMAS, schema))
        doc = os.path.join(self.tmp, "doc.xml")
        with open(doc, "wb") as f:
            f.write(raw)
        res = subprocess.run(["xmllint", "--noout", "--schema", schema_file, doc], capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stderr + raw.decode("utf-8")[:2000])

    def children(self):
        """The index's entries: {path: lastmod}."""
        _, index = self.fetch_xml("/sitemap.xml")
        out = {}
        for entry in index.iterfind("sm:sitemap", NS):
            out[path_of(entry.find("sm:loc", NS).text)] = entry.find("sm:lastmod", NS).text
        return out

    def month_child(self, title):
        return "/sitemap-articles-" + self.by_title[title]["published_at"][:7] + ".xml"

    # --- the sitemap index and its children --------------------------------------------------
    def test_index_lists_every_child_and_each_validates(self):
        raw, index = self.fetch_xml("/sitemap.xml")
        self.validate(raw, "siteindex.xsd")
        children = self.children()
        months = sorted({a["published_at"][:7] for a in self.by_title.values() if a["status"] == "published"})
        expected = {"/sitemap-pages.xml", "/sitemap-tags.xml", "/sitemap-authors.xml"}
        expected |= {f"/sitemap-articles-{m}.xml" for m in months}
        self.assertEqual(set(children), expected)
        for entry in index.iterfind("sm:sitemap", NS):
            self.assertTrue(entry.find("sm:loc", NS).text.startswith(SITE_URL + "/sitemap-"))
        for path, lastmod in children.items():
            with self.subTest(child=path):
                self.assertRegex(lastmod, W3C_DATETIME)
                raw, doc = self.fetch_xml(path)
                self.validate(raw, "with-extensions" if path.startswith("/sitemap-articles-") else "sitemap.xsd")
                for url in doc.iterfind("sm:url", NS):
                    self.assertTrue(url.find("sm:loc", NS).text.startswith(SITE_URL + "/"))
                    self.assertRegex(url.find("sm:lastmod", NS).text, W3C_DATETIME)
                self.assertLessEqual(len(locs(doc)), 50000)

    def test_article_sitemaps_hold_every_published_article_by_month_with_its_update_time(self):
        published = [a for a in self.by_title.values() if a["status"] == "published"]
        listed = {}
        for path in self.children():
            if path.startswith("/sitemap-articles-"):
                _, doc = self.fetch_xml(path)
                for url in doc.iterfind("sm:url", NS):
                    listed[url.find("sm:loc", NS).text] = (path, url)
        self.assertEqual(set(listed), {SITE_URL + a["url"] for a in published}, "no draft, nothing twice")
        regatta = listed[self.url_of("Summer regatta results")]
        self.assertEqual(regatta[0], "/sitemap-articles-2025-06.xml")
        # Imported a moment ago with a publication time an hour back: lastmod is the update, not the date.
        ferry = listed[self.url_of("Ferry timetable changes")][1]
        lastmod = datetime.datetime.strptime(ferry.find("sm:lastmod", NS).text, "%Y-%m-%dT%H:%M:%S%z")
        self.assertGreaterEqual(lastmod, self.now - datetime.timedelta(seconds=5))
        self.assertLess(lastmod, self.now + datetime.timedelta(minutes=10))
        for loc, (_, url) in listed.items():
            self.assertEqual(self.site.get(path_of(loc)).status, 200, loc)

    def test_a_featured_image_is_an_image_sitemap_entry(self):
        _, doc = self.fetch_xml(self.month_child("Fishing fleet returns"))
        with_images = {}
        for url in doc.iterfind("sm:url", NS):
            with_images[url.find("sm:loc", NS).text] = [e.text for e in url.iterfind("image:image/image:loc", NS)]
        images = with_images[self.url_of("Fishing fleet returns")]
        self.assertEqual(len(images), 1)
        self.assertRegex(images[0], r"^" + re.escape(SITE_URL) + r"/media/[0-9a-f]+-\d+\.png$")
        self.assertEqual(self.site.get(path_of(images[0])).status, 200)
        self.assertEqual(with_images[self.url_of("Ferry timetable changes")], [], "no image, no entry")

    def test_tags_authors_and_pages(self):
        _, tags = self.fetch_xml("/sitemap-tags.xml")
        self.assertEqual(sorted(locs(tags)), sorted(SITE_URL + f"/tag/{t}/" for t in
                                                    ("harbour", "sport", "town", "transport")),
                         "tags of published articles only")
        _, authors = self.fetch_xml("/sitemap-authors.xml")
        # "Bo Writer" and "bo writer" are one author; the draft's byline is Ann's anyway.
        self.assertEqual(sorted(locs(authors)), sorted(SITE_URL + f"/author/{a}/" for a in
                                                       ("ann-author", "bo-writer", "cy-reporter", "dee-editor")))
        _, pages = self.fetch_xml("/sitemap-pages.xml")
        self.assertEqual(locs(pages), [SITE_URL + "/"])

    def test_other_sitemap_addresses_are_not_found(self):
        for path in ("/sitemap-articles-2019-01.xml", "/sitemap-articles-2026-13.xml", "/sitemap-tags-2.xml",
                     "/sitemap-pages-2.xml", "/sitemap-nothing.xml", "/sitemap-articles-2025-6.xml"):
            self.assertEqual(self.site.get(path).status, 404, path)

    # --- the news sitemap --------------------------------------------------------------------
    def test_news_sitemap_holds_exactly_the_last_48_hours_newest_first(self):
        raw, doc = self.fetch_xml("/news-sitemap.xml")
        self.validate(raw, "with-extensions")
        expected = ["Fishing fleet returns", "Ferry timetable changes", "Harbour wall repaired"]
        self.assertEqual(locs(doc), [self.url_of(t) for t in expected])
        for url, title in zip(doc.iterfind("sm:url", NS), expected):
            news = url.find("news:news", NS)
            self.assertEqual(news.find("news:publication/news:name", NS).text, "The Harbourton Gazette")
            self.assertEqual(news.find("news:publication/news:language", NS).text, "en")
            self.assertEqual(news.find("news:title", NS).text, title)
            self.assertEqual(news.find("news:publication_date", NS).text, self.by_title[title]["published_at"])
            self.assertRegex(url.find("sm:lastmod", NS).text, W3C_DATETIME)

    # --- cache invalidation ------------------------------------------------------------------
    def test_a_published_article_is_in_the_sitemaps_on_the_next_request(self):
        for path in ("/sitemap.xml", "/news-sitemap.xml", "/sitemap-authors.xml"):
            self.site.get(path)
        hits = metric(self.site, "gazette_cache_hits_total")
        news_before = self.site.get("/news-sitemap.xml").body
        self.assertGreater(metric(self.site, "gazette_cache_hits_total"), hits, "the news sitemap is cached")

        self.import_article(99, "Storm warning for the coast", self.now, "Weather", "Eve Forecaster")
        article = next(a for a in self.site.articles() if a["title"] == "Storm warning for the coast")
        loc = SITE_URL + article["url"]
        self.assertNotIn(loc, news_before)
        _, news = self.fetch_xml("/news-sitemap.xml")
        self.assertIn(loc, locs(news))
        _, month = self.fetch_xml("/sitemap-articles-" + article["published_at"][:7] + ".xml")
        self.assertIn(loc, locs(month))
        _, authors = self.fetch_xml("/sitemap-authors.xml")
        self.assertIn(SITE_URL + "/author/eve-forecaster/", locs(authors))
        _, tags = self.fetch_xml("/sitemap-tags.xml")
        self.assertIn(SITE_URL + "/tag/weather/", locs(tags))

        res = self.site.cli("article", "unpublish", str(article["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        _, news = self.fetch_xml("/news-sitemap.xml")
        self.assertNotIn(loc, locs(news), "unpublishing takes it out at once too")

    # --- robots.txt --------------------------------------------------------------------------
    def test_robots_txt_has_the_setting_and_the_sitemap_lines(self):
        res = self.site.get("/robots.txt")
        self.assertEqual(res.status, 200)
        self.assertEqual(res.headers["content-type"], "text/plain; charset=utf-8")
        self.assertEqual(res.body, "User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /search\n\n"
                                   f"Sitemap: {SITE_URL}/sitemap.xml\nSitemap: {SITE_URL}/news-sitemap.xml\n")


class RobotsSettingTest(unittest.TestCase):
    """The robots.txt setting, from the command line and the admin, on a site of its own."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(demo=False, url=SITE_URL).start()
        cls.addClassCleanup(cls.site.stop)

    def test_the_command_line_changes_it_at_once_and_checks_it(self):
        self.site.get("/robots.txt")  # cached
        res = self.site.cli("settings", "set", "seo.robots_txt", "User-agent: *\r\nDisallow: /drafts/\r\n",
                            "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.site.get("/robots.txt").body,
                         f"User-agent: *\nDisallow: /drafts/\n\nSitemap: {SITE_URL}/sitemap.xml\n"
                         f"Sitemap: {SITE_URL}/news-sitemap.xml\n")
        listed = self.site.cli("settings", "list", "--db", self.site.db).stdout
        self.assertIn("seo.robots_txt\tUser-agent: *\\nDisallow: /drafts/\\n\t", listed, "one line per setting")
        too_big = self.site.cli("settings", "set", "seo.robots_txt", "Disallow: /x\n" * 3000, "--db", self.site.db)
        self.assertNotEqual(too_big.returncode, 0)
        self.assertIn("32 KiB", too_big.stderr)
        self.assertIn("Disallow: /drafts/", self.site.get("/robots.txt").body, "a refused value changes nothing")

    def test_the_admin_settings_page_shows_and_changes_it(self):
        add_user(self.site, "admin@example.org", "administrator")
        admin = AdminClient(self.site)
        admin.login("admin@example.org")
        self.assertIn('name="robots_txt"', admin.get("/admin/settings").body)
        res = admin.post("/admin/settings", {"title": "Gazette", "description": "", "url": SITE_URL,
                                             "permalink": "/{yyyy}/{mm}/{dd}/{slug}/", "page_size": "10",
                                             "comments_default": "open",
                                             "robots_txt": "User-agent: *\r\nDisallow: /admin/\r\nDisallow: /tmp/"})
        self.assertEqual(res.status, 200, res.body[:500])
        body = self.site.get("/robots.txt").body
        self.assertTrue(body.startswith("User-agent: *\nDisallow: /admin/\nDisallow: /tmp/\n\nSitemap: "), body)
        res = admin.post("/admin/settings", {"title": "Gazette", "description": "", "url": SITE_URL,
                                             "permalink": "/{yyyy}/{mm}/{dd}/{slug}/", "page_size": "10",
                                             "robots_txt": "Disallow: /\x01"})
        self.assertEqual(res.status, 422)
        self.assertIn("Disallow: /tmp/", self.site.get("/robots.txt").body)


class IconsAndEmbedsTest(unittest.TestCase):
    """The favicon and icons every page links, and oEmbed for article pages."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(url=SITE_URL, title="The Harbourton Gazette").start()  # the demo site
        cls.addClassCleanup(cls.site.stop)
        cls.article = cls.site.articles()[0]

    def test_favicon_and_icons_answer_with_their_types(self):
        page = self.site.get("/").body
        links = {}
        for tag in re.findall(r"<link [^>]*>", page):
            rel = re.search(r'rel="([^"]+)"', tag).group(1)
            links.setdefault(rel, []).append(re.search(r'href="([^"]+)"', tag).group(1))
        icons = links["icon"] + links["apple-touch-icon"]
        self.assertIn("/favicon.ico", icons)
        for href, ctype, magic in (("/favicon.ico", "image/x-icon", b"\0\0\1\0"),
                                   (next(h for h in icons if ".svg" in h), "image/svg+xml", b"<svg"),
                                   (links["apple-touch-icon"][0], "image/png", b"\x89PNG")):
            with self.subTest(icon=href):
                res = self.site.get(href)
                self.assertEqual(res.status, 200)
                self.assertEqual(res.headers["content-type"], ctype)
                self.assertTrue(res.raw.startswith(magic))
        png = self.site.get(links["apple-touch-icon"][0]).raw
        self.assertEqual((int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")), (180, 180))
        ico = self.site.get("/favicon.ico").raw
        sizes = {ico[6 + 16 * i] for i in range(int.from_bytes(ico[4:6], "little"))}
        self.assertTrue({16, 32} <= sizes, sizes)

    def test_article_pages_announce_oembed(self):
        page = self.site.get(self.article["url"]).body
        m = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
        self.assertIsNotNone(m)
        href = m.group(1).replace("&amp;", "&")
        parts = urllib.parse.urlsplit(href)
        self.assertEqual(f"{parts.scheme}://{parts.netloc}{parts.path}", SITE_URL + "/oembed")
        query = urllib.parse.parse_qs(parts.query)
        self.assertEqual(query, {"url": [SITE_URL + self.article["url"]], "format": ["json"]})
        self.assertNotIn("oembed", self.site.get("/").body, "only article pages")

    def oembed(self, url, **params):
        query = urllib.parse.urlencode({"url": url, **params}) if url is not None else urllib.parse.urlencode(params)
        return self.site.get("/oembed?" + query)

    def test_oembed_answers_a_link_for_an_article(self):
        res = self.oembed(SITE_URL + self.article["url"], format="json")
        self.assertEqual(res.status, 200, res.body)
        self.assertEqual(res.headers["content-type"], "application/json; charset=utf-8")
        data = json.loads(res.body)
        slug = re.sub(r"[^a-z0-9]+", "-", self.article["author"].lower()).strip("-")
        self.assertEqual(data, {"version": "1.0", "type": "link", "title": self.article["title"],
                                "author_name": self.article["author"], "author_url": f"{SITE_URL}/author/{slug}/",
                                "provider_name": "The Harbourton Gazette", "provider_url": SITE_URL + "/",
                                "cache_age": 3600})
        self.assertEqual(self.oembed(SITE_URL + self.article["url"]).status, 200, "json is the default format")

    def test_oembed_gives_the_featured_image_as_thumbnail_within_the_bounds(self):
        add_user(self.site, "ed@example.org", "editor")
        token = api_token(self.site, "ed@example.org")
        photo = upload(self.site, token, "Boats", size=(1800, 900))
        status, data, res = api(self.site, "POST", "/api/admin/articles", token, {
            "title": "Pictured story", "markdown": "Text.", "status": "published",
            "featured_image": {"media_id": photo["id"], "alt": "Boats"}})
        self.assertEqual(status, 201, res.body)
        url = SITE_URL + path_of(data["article"]["url"])
        got = json.loads(self.oembed(url).body)
        self.assertRegex(got["thumbnail_url"], r"^" + re.escape(SITE_URL) + r"/media/[0-9a-f]+-1600\.png$")
        self.assertEqual((got["thumbnail_width"], got["thumbnail_height"]), (1600, 800))
        small = json.loads(self.oembed(url, maxwidth="1000").body)
        self.assertEqual((small["thumbnail_width"], small["thumbnail_height"]), (960, 480))
        self.assertEqual(self.site.get(path_of(small["thumbnail_url"])).status, 200)
        none = json.loads(self.oembed(url, maxwidth="100").body)
        self.assertNotIn("thumbnail_url", none, "no file fits: no thumbnail")

    def test_oembed_refuses_what_it_cannot_answer(self):
        path = self.article["url"]
        self.assertEqual(self.oembed(None, format="json").status, 400)
        self.assertEqual(self.oembed("").status, 400)
        self.assertEqual(self.oembed(SITE_URL + path, format="xml").status, 501)
        for url in ("https://elsewhere.example" + path, "http://news.example.org" + path,
                    SITE_URL + "/2001/01/01/no-such-article/", SITE_URL + "/", SITE_URL + "/tag/cyber-agreement/",
                    "not a url", SITE_URL + path.replace("/", "/x", 1)):
            with self.subTest(url=url):
                res = self.oembed(url)
                self.assertEqual(res.status, 404, res.body)
                self.assertEqual(res.headers.get("cache-control"), "no-store")
        self.assertEqual(self.oembed("HTTPS://NEWS.EXAMPLE.ORG" + path + "?utm_source=x#top").status, 200,
                         "the host in any case; a query or fragment does not matter")


if __name__ == "__main__":
    unittest.main()
