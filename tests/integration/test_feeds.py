"""Article feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site, each tag and each author, read
with Debian's python3-feedparser (and an npm parser when one is installed): the right items in
the right order, every field of an item, the WordPress paths, the settings, caching and 304s, and
changes from the CLI and the Admin API reaching every feed that lists the article at once."""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

from admin_client import add_user, api, api_token
from comment_helpers import set_settings
from feed_helpers import (FORMATS, SITE_URL, VOID_ELEMENTS, absolute, alternates, expected_ids, feed_alternates,
                          feed_path, guid, item, path_of, read_feed, xml_titles)
from harness import SOURCE_DIR, GazetteSite
from test_cache import metric
from test_featured_image import upload

HOSTILE = 'He said "no" & \'yes\' ]]> </script> <b>not bold</b> & amp; \U0001F30A done'
HOSTILE_TAG = 'Fish & Chips "Quay" <b>'
HOSTILE_AUTHOR = "Zoë O'Brien & Co"
BODY = ("Timetables [for every route](/tag/ferries/) and the [notes](#notes), "
        "the [museum](https://example.org/museum) and a map:\n\n![A ferry map](/media/map.png)\n\nText.")


def node_modules():
    return os.environ.get("GAZETTE_NODE_MODULES") or os.path.join(SOURCE_DIR, "node_modules")


class FeedsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(url=SITE_URL).start()
        cls.addClassCleanup(cls.site.stop)
        add_user(cls.site, "ed@example.org", "editor", name="Ann Lee")
        cls.token = api_token(cls.site, "ed@example.org")
        cls.image = upload(cls.site, cls.token, "The ferry at the quay")
        cls.joint = cls.create(title="Winter ferry timetable announced", markdown=BODY,
                               authors=["Ann Lee", "Bo Chen"], tags=["Ferries", "Night life"],
                               featured_image={"media_id": cls.image["id"], "alt": "The ferry"})
        cls.hostile = cls.create(title=HOSTILE, authors=[HOSTILE_AUTHOR], tags=["Ferries", HOSTILE_TAG],
                                 markdown="Plain & simple.")

    @classmethod
    def create(cls, **fields):
        body = {"markdown": "Text.", "status": "published"}
        body.update(fields)
        status, data, res = api(cls.site, "POST", "/api/admin/articles", cls.token, body)
        if status != 201:
            raise AssertionError(f"create failed: {status} {res.body[:300]}")
        return data["article"]

    def feed(self, path, fmt, **kw):
        return read_feed(self, self.site, path, fmt, **kw)

    def ids(self, path, fmt, **kw):
        return [i["id"] for i in self.feed(path, fmt, **kw)[0]]

    # --- every kind and format ----------------------------------------------------------------
    def test_every_feed_kind_and_format_parses_with_the_right_items_in_order(self):
        kinds = [("/", {}), ("/tag/ferries/", {"tag": "Ferries"}), ("/tag/harbourton/", {"tag": "harbourton"}),
                 ("/author/ann-lee/", {"author": "Ann Lee"}), ("/author/bo-chen/", {"author": "Bo Chen"}),
                 ("/author/maya-okafor/", {"author": "Maya Okafor"})]
        for base, where in kinds:
            want = expected_ids(self.site, **where)
            self.assertTrue(want, base)
            titles = {f"{SITE_URL}/?p={a['id']}": a["title"] for a in self.site.articles("published")}
            for fmt in FORMATS:
                with self.subTest(feed=feed_path(base, fmt)):
                    items, parsed, _ = self.feed(feed_path(base, fmt), fmt)
                    self.assertEqual([i["id"] for i in items], want, "newest first, published only")
                    self.assertEqual([i["title"] for i in items], [titles[i] for i in want])
                    home = parsed["home_page_url"] if fmt == "json" else parsed.feed.link
                    self.assertEqual(home, SITE_URL + base, "the feed links to its archive")
        self.assertEqual(len(expected_ids(self.site)), len(self.site.articles("published")), "all fit in 20")

    def test_wordpress_paths_serve_the_same_feeds(self):
        aliases = [("/feed/rss2/", "/feed/"), ("/feed/rss/", "/feed/"), ("/?feed=rss2", "/feed/"),
                   ("/?feed=rss", "/feed/"), ("/feed", "/feed/"), ("/?feed=atom", "/feed/atom/"),
                   ("/tag/ferries/?feed=rss2", "/tag/ferries/feed/"), ("/?feed=rss2&tag=ferries", "/tag/ferries/feed/"),
                   ("/?feed=atom&tag=ferries", "/tag/ferries/feed/atom/"),
                   ("/?feed=atom&author_name=bo-chen", "/author/bo-chen/feed/atom/"),
                   ("/?feed=rss2&author_name=ann-lee", "/author/ann-lee/feed/")]
        for alias, canonical in aliases:
            with self.subTest(alias=alias):
                fmt = "atom" if canonical.endswith("atom/") else "rss"
                items, _, res = self.feed(alias, fmt, canonical=canonical)
                self.assertEqual([i["id"] for i in items], self.ids(canonical, fmt))
                self.assertEqual(res.raw, self.site.get(canonical).raw, "the same document")

    def test_guid_address_redirects_to_the_article(self):
        for article in (self.joint, self.hostile):
            res = self.site.get(f"/?p={article['id']}")
            self.assertEqual(res.status, 301)
            self.assertEqual(res.headers["location"], path_of(article["url"]))
            self.assertEqual(self.site.get(res.headers["location"]).status, 200)
        self.assertEqual(self.site.get("/?p=999999").status, 404)

    def test_unknown_tag_or_author_is_404(self):
        for path in ("/tag/no-such-tag/feed/", "/tag/no-such-tag/feed/atom/", "/tag/no-such-tag/feed.json",
                     "/author/no-such-person/feed/", "/author/no-such-person/feed/atom/",
                     "/author/no-such-person/feed.json", "/tag/no-such-tag/?feed=rss2", "/?feed=rss2&tag=no-such-tag",
                     "/?feed=atom&author_name=no-such-person"):
            with self.subTest(path=path):
                self.assertEqual(self.site.get(path).status, 404)

    # --- the fields of an item ----------------------------------------------------------------
    def joint_items(self, base="/"):
        return {fmt: item(self, self.feed(feed_path(base, fmt), fmt)[0], self.joint["id"], f"{base} {fmt}")
                for fmt in FORMATS}

    def test_item_fields_in_every_format(self):
        a = self.joint
        author_urls = [f"{SITE_URL}/author/ann-lee/", f"{SITE_URL}/author/bo-chen/"]
        for fmt, it in self.joint_items().items():
            with self.subTest(fmt=fmt):
                self.assertEqual(it["title"], "Winter ferry timetable announced")
                self.assertEqual(it["link"], absolute(a["url"]))
                self.assertEqual(it["id"], guid(a["id"]), "the GUID is the ?p= address")
                names = [n for n, _ in it["authors"]]
                self.assertEqual(names, ["Ann Lee", "Bo Chen"], "every author, in byline order")
                if fmt != "rss":
                    self.assertEqual([u for _, u in it["authors"]], author_urls)
                self.assertEqual(it["tags"], ["Ferries", "Night life"])
                self.assertEqual(it["summary"], a["excerpt"])
                self.assertEqual(it["published"], a["published_at"])
                if fmt != "rss":
                    self.assertEqual(it["updated"], a["published_at"], "not edited since")
                self.assertEqual(it["content_type"], "html")
        # The raw XML: one dc:creator per author, and Atom authors with name and uri.
        rss = self.site.get("/feed/").body
        block = re.search(r"<item>(?:(?!</item>).)*\?p=%d</guid>.*?</item>" % a["id"], rss, re.S).group(0)
        self.assertEqual(re.findall(r"<dc:creator>(.*?)</dc:creator>", block), ["Ann Lee", "Bo Chen"])
        self.assertIn('<guid isPermaLink="false">%s</guid>' % guid(a["id"]), block)
        atom = self.site.get("/feed/atom/").body
        entry = re.search(r"<entry>\s*<id>%s</id>.*?</entry>" % re.escape(guid(a["id"])), atom, re.S).group(0)
        self.assertEqual(re.findall(r"<author>\s*<name>(.*?)</name>\s*<uri>(.*?)</uri>\s*</author>", entry),
                         list(zip(["Ann Lee", "Bo Chen"], author_urls)))
        self.assertIn("<content type=\"html\">", entry)

    def test_content_is_full_html_with_absolute_urls(self):
        for fmt, it in self.joint_items().items():
            with self.subTest(fmt=fmt):
                html = it["content"]
                self.assertIn(f'href="{SITE_URL}/tag/ferries/"', html, "a root-relative link")
                self.assertIn(f'href="{absolute(self.joint["url"])}#notes"', html, "a fragment of the article")
                self.assertIn('href="https://example.org/museum"', html, "absolute links stay")
                self.assertIn(f'src="{SITE_URL}/media/map.png"', html)
                self.assertIn("Text.", html)
                self.assertNotRegex(html, r'(?:href|src)="/', "no root-relative URL is left")

    def test_content_html_of_an_uploaded_image_is_valid(self):
        """An image from the library renders as <picture> with <source>s; the feed's copy of the body
        must not gain end tags for void elements (</source> is an HTML parse error)."""
        article = self.create(title="Pictured in the body", markdown=self.image["markdown"] + "\n\nText.",
                              tags=["Quayside"])
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                it = item(self, self.feed(feed_path("/tag/quayside/", fmt), fmt)[0], article["id"])
                html = it["content"]
                self.assertIn("<picture><source ", html)
                self.assertRegex(html, r'srcset="%s/media/[0-9a-f]+-480\.webp 480w, %s/media/' % (SITE_URL, SITE_URL),
                                 "srcset URLs are absolute too")
                self.assertNotRegex(html, r'(?:src|srcset)="/|, /media/')
                stray = [t for t in VOID_ELEMENTS if f"</{t}>" in html]
                at = html.find(f"</{stray[0]}>") if stray else 0
                self.assertEqual(stray, [], f"end tags of void elements in the feed's HTML: ...{html[at - 120:at + 30]}")
        self.assertEqual(article["html"].count("</source>"), 0, "the page's own HTML has none")

    def test_featured_image_is_media_content_and_json_image(self):
        want = f"{SITE_URL}/media/{self.image['hash']}-1600.png"
        for fmt, it in self.joint_items().items():
            with self.subTest(fmt=fmt):
                self.assertEqual(it["image"], want)
        res = self.site.get(path_of(want))
        self.assertEqual((res.status, res.headers["content-type"]), (200, "image/png"))
        for fmt in ("rss", "atom"):
            body = self.site.get(feed_path("/", fmt)).body
            self.assertIn(f'<media:content url="{want}" medium="image" type="image/png" width="1600" height="800"/>',
                          body)
            self.assertIn('xmlns:media="http://search.yahoo.com/mrss/"', body)
        others = [i for i in self.feed("/feed.json", "json")[0] if i["id"] != guid(self.joint["id"])]
        self.assertTrue(all(i["image"] is None for i in others), "articles without an image have none")

    def test_hostile_headline_author_and_tag_round_trip_exactly(self):
        for base in ("/", "/tag/ferries/", "/author/zoe-obrien-co/", "/tag/fish-chips-quay-b/"):
            for fmt in FORMATS:
                with self.subTest(feed=feed_path(base, fmt)):
                    items, parsed, res = self.feed(feed_path(base, fmt), fmt)
                    it = item(self, items, self.hostile["id"])
                    self.assertEqual(it["title"], HOSTILE)
                    self.assertEqual([n for n, _ in it["authors"]], [HOSTILE_AUTHOR])
                    self.assertEqual(it["tags"], ["Ferries", HOSTILE_TAG])
                    self.assertEqual(it["summary"], "Plain & simple.")
                    if fmt != "json":
                        self.assertIn(HOSTILE, xml_titles(res.raw, fmt), "exactly, to a strict XML parser")
                        self.assertNotIn("<b>not bold", res.body, "markup in a headline is text")
        tag_feed = self.feed("/tag/fish-chips-quay-b/feed.json", "json")[1]
        self.assertEqual(tag_feed["title"].split(" | ")[0], HOSTILE_TAG)
        self.assertEqual(self.feed("/tag/fish-chips-quay-b/feed/", "rss")[1].feed.title.split(" | ")[0], HOSTILE_TAG)

    # --- changes reach the feeds --------------------------------------------------------------
    def feeds_of(self, *bases):
        return [(feed_path(b, f), f) for b in bases for f in FORMATS]

    def test_cli_publish_edit_and_unpublish_reach_every_feed_at_once(self):
        status, data, _ = api(self.site, "POST", "/api/admin/articles", self.token, {
            "title": "Lighthouse keeper retires", "markdown": "After forty years.", "status": "draft",
            "tags": ["Ferries"], "authors": ["Ann Lee", "Bo Chen"]})
        self.assertEqual(status, 201)
        aid = data["article"]["id"]
        paths = self.feeds_of("/", "/tag/ferries/", "/author/ann-lee/", "/author/bo-chen/")
        for path, fmt in paths:  # each is cached now
            self.assertNotIn(guid(aid), self.ids(path, fmt), path)
        res = self.site.cli("article", "publish", str(aid))
        self.assertEqual(res.returncode, 0, res.stderr)
        for path, fmt in paths:
            with self.subTest(after="publish", path=path):
                items = self.feed(path, fmt)[0]
                self.assertEqual(items[0]["id"], guid(aid), "the newest item, on the next request")
                self.assertEqual(items[0]["title"], "Lighthouse keeper retires")
        res = self.site.cli("article", "edit", str(aid), "--title", "Lighthouse keeper retires at 70",
                            "--author", "Bo Chen, Cy Dee", "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        for path, fmt in self.feeds_of("/", "/tag/ferries/", "/author/bo-chen/", "/author/cy-dee/"):
            with self.subTest(after="edit", path=path):
                it = item(self, self.feed(path, fmt)[0], aid, path)
                self.assertEqual(it["title"], "Lighthouse keeper retires at 70")
                self.assertEqual([n for n, _ in it["authors"]], ["Bo Chen", "Cy Dee"])
        for fmt in FORMATS:
            self.assertNotIn(guid(aid), self.ids(feed_path("/author/ann-lee/", fmt), fmt), "no longer hers")
        res = self.site.cli("article", "unpublish", str(aid))
        self.assertEqual(res.returncode, 0, res.stderr)
        for path, fmt in self.feeds_of("/", "/tag/ferries/", "/author/bo-chen/"):
            with self.subTest(after="unpublish", path=path):
                self.assertNotIn(guid(aid), self.ids(path, fmt))
        self.assertEqual(self.site.get(f"/?p={aid}").status, 404, "a draft's GUID address leads nowhere")

    def test_api_edit_changes_the_item_and_its_updated_time(self):
        article = self.create(title="Quay wall survey", markdown="First *findings*.", tags=["Ferries"],
                              authors=["Ann Lee"])
        aid = article["id"]
        # Published two hours ago, so that an edit now counts as an update (not a quick fix).
        with sqlite3.connect(self.site.db) as db:
            db.execute("UPDATE articles SET published_at = published_at - 7200, created_at = created_at - 7200, "
                       "updated_at = updated_at - 7200 WHERE id = ?", (aid,))
        _, data, _ = api(self.site, "GET", f"/api/admin/articles/{aid}", self.token)
        before = data["article"]
        paths = self.feeds_of("/", "/tag/ferries/", "/author/ann-lee/")
        etags = {}
        for path, fmt in paths:
            it, _, res = self.feed(path, fmt)
            self.assertEqual(item(self, it, aid)["published"], before["published_at"])
            etags[path] = res.headers["etag"]
        status, data, _ = api(self.site, "PATCH", f"/api/admin/articles/{aid}", self.token,
                              {"title": "Quay wall survey: cracks found", "markdown": "Second *findings*."})
        self.assertEqual(status, 200)
        after = data["article"]
        self.assertGreater(after["updated_at"], before["published_at"])
        for path, fmt in paths:
            with self.subTest(path=path):
                items, _, res = self.feed(path, fmt)
                it = item(self, items, aid)
                self.assertEqual(it["title"], "Quay wall survey: cracks found")
                self.assertIn("Second <em>findings</em>", it["content"])
                self.assertEqual(it["summary"], "Second findings.")
                self.assertEqual(it["published"], before["published_at"], "the publish time stays")
                if fmt != "rss":
                    self.assertEqual(it["updated"], after["updated_at"], "the updated time moves")
                self.assertNotEqual(res.headers["etag"], etags[path])
        atom = self.feed("/feed/atom/", "atom")[1]
        self.assertGreaterEqual(atom.feed.updated, after["updated_at"], "the feed's own updated time follows")

    def test_feeds_are_cached_with_etag_last_modified_and_304(self):
        paths = [("/feed/", "rss"), ("/feed/atom/", "atom"), ("/feed.json", "json"), ("/tag/ferries/feed/", "rss"),
                 ("/author/bo-chen/feed.json", "json")]
        first = {}
        for path, fmt in paths:
            with self.subTest(path=path):
                _, _, res = self.feed(path, fmt)
                self.assertRegex(res.headers.get("etag", ""), r'^"[^"]+"$')
                self.assertRegex(res.headers.get("last-modified", ""), r"GMT$")
                self.assertIn("public", res.headers.get("cache-control", ""))
                hits = metric(self.site, "gazette_cache_hits_total")
                again = self.site.get(path)
                self.assertEqual(again.raw, res.raw)
                self.assertEqual(again.headers["etag"], res.headers["etag"])
                self.assertGreater(metric(self.site, "gazette_cache_hits_total"), hits, "served from the cache")
                for cond in ({"If-None-Match": res.headers["etag"]},
                             {"If-Modified-Since": res.headers["last-modified"]}):
                    nm = self.site.get(path, headers=cond)
                    self.assertEqual(nm.status, 304, cond)
                    self.assertEqual(nm.raw, b"")
                    self.assertEqual(nm.headers.get("etag"), res.headers["etag"])
                first[path] = res
        # A new article by Bo Chen in Ferries changes every one of these feeds.
        new = self.create(title="Night ferry returns", tags=["Ferries"], authors=["Bo Chen"])
        for path, fmt in paths:
            with self.subTest(path=path, after="publish"):
                res = self.site.get(path, headers={"If-None-Match": first[path].headers["etag"]})
                self.assertEqual(res.status, 200)
                self.assertNotEqual(res.headers["etag"], first[path].headers["etag"])
                self.assertIn(guid(new["id"]), res.body)

    # --- discovery ----------------------------------------------------------------------------
    def test_every_html_page_links_its_feeds(self):
        site_feeds = feed_alternates("/")
        pages = {"/": [], path_of(self.joint["url"]): [], "/tag/ferries/": feed_alternates("/tag/ferries/"),
                 "/author/bo-chen/": feed_alternates("/author/bo-chen/"), "/search?q=ferry": [],
                 "/no/such/page/": []}
        for path, own in pages.items():
            with self.subTest(path=path):
                res = self.site.get(path)
                self.assertIn(res.status, (200, 404))
                found = alternates(res.body)
                self.assertEqual([a for a in found if a in site_feeds], site_feeds, "the site's three feeds")
                for pair in own:
                    self.assertIn(pair, found, "the archive's own feeds")
        for ctype, href in feed_alternates("/author/bo-chen/") + site_feeds:
            res = self.site.get(href[len(SITE_URL):])
            self.assertEqual(res.status, 200, href)
            self.assertTrue(res.headers["content-type"].startswith(ctype), href)


class FeedSettingsTest(unittest.TestCase):
    """feed.items, feed.full_content and feed.websub_hub, applied by the running server at once."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(url=SITE_URL).start()
        cls.addClassCleanup(cls.site.stop)
        add_user(cls.site, "ed@example.org", "editor", name="Ann Lee")
        cls.token = api_token(cls.site, "ed@example.org")
        for n in range(5):
            status, _, res = api(cls.site, "POST", "/api/admin/articles", cls.token, {
                "title": f"Harbour note {n}", "markdown": f"Note *{n}* [here](/tag/ferries/).", "status": "published",
                "tags": ["Ferries"], "authors": ["Ann Lee"]})
            if status != 201:
                raise AssertionError(res.body)

    def setting(self, key, value, default):
        set_settings(self.site.db, {key: value})
        self.addCleanup(set_settings, self.site.db, {key: default})

    def feed(self, path, fmt):
        return read_feed(self, self.site, path, fmt)

    def test_feed_items_limits_every_feed_to_the_newest(self):
        bases = {"/": {}, "/tag/ferries/": {"tag": "Ferries"}, "/author/ann-lee/": {"author": "Ann Lee"}}
        for base in bases:  # cached with the default of 20
            self.assertEqual(len(self.feed(feed_path(base, "rss"), "rss")[0]), len(expected_ids(self.site, **bases[base])))
        self.setting("feed.items", "3", "20")
        for base, where in bases.items():
            for fmt in FORMATS:
                with self.subTest(feed=feed_path(base, fmt)):
                    ids = [i["id"] for i in self.feed(feed_path(base, fmt), fmt)[0]]
                    self.assertEqual(ids, expected_ids(self.site, limit=3, **where))
                    self.assertEqual(len(ids), 3)
        for bad in ("0", "101", "many", "-1"):
            res = self.site.cli("settings", "set", "feed.items", bad, "--db", self.site.db)
            self.assertNotEqual(res.returncode, 0, f"feed.items {bad} is refused")
        self.assertEqual(len(self.feed("/feed.json", "json")[0]), 3)

    def test_full_content_off_leaves_the_excerpt(self):
        rss_items, _, _ = self.feed("/feed/", "rss")
        self.assertTrue(all(i["content"] for i in rss_items), "on by default")
        self.setting("feed.full_content", "off", "on")
        for base in ("/", "/tag/ferries/", "/author/ann-lee/"):
            for fmt in FORMATS:
                with self.subTest(feed=feed_path(base, fmt)):
                    items, _, res = self.feed(feed_path(base, fmt), fmt)
                    self.assertTrue(items)
                    for it in items:
                        self.assertTrue(it["summary"], "the excerpt stays")
                        if fmt == "json":
                            self.assertNotIn("content_html", res.body)
                            self.assertEqual(it["content_text"], it["summary"])
                        else:
                            self.assertIsNone(it["content"])
                    if fmt == "rss":
                        self.assertNotIn("<content:encoded>", res.body)
                    if fmt == "atom":
                        self.assertNotIn("<content", res.body)
        note = [i for i in self.feed("/feed.json", "json")[0] if i["title"] == "Harbour note 4"][0]
        self.assertEqual(note["content_text"], "Note 4 here.")

    def test_websub_hub_links_and_link_header(self):
        hub = "https://hub.example/websub"
        for path, fmt in (("/feed/", "rss"), ("/feed.json", "json")):
            res = self.feed(path, fmt)[2]
            self.assertNotIn("rel=\"hub\"", res.headers.get("link", ""), "no hub set: no hub link")
            self.assertNotIn("hub.example", res.body)
        for bad in ("ftp://hub.example/", "not a url", "javascript:alert(1)"):
            res = self.site.cli("settings", "set", "feed.websub_hub", bad, "--db", self.site.db)
            self.assertNotEqual(res.returncode, 0, f"{bad!r} is refused")
        self.setting("feed.websub_hub", hub, "")
        for base in ("/", "/tag/ferries/", "/author/ann-lee/"):
            for fmt in FORMATS:
                path = feed_path(base, fmt)
                with self.subTest(feed=path):
                    _, parsed, res = self.feed(path, fmt)
                    link = res.headers.get("link", "")
                    self.assertIn(f'<{hub}>; rel="hub"', link)
                    self.assertIn(f'<{SITE_URL}{path}>; rel="self"', link)
                    if fmt == "json":
                        self.assertEqual(parsed["hubs"], [{"type": "WebSub", "url": hub}])
                    else:
                        hubs = [l["href"] for l in parsed.feed.links if l.get("rel") == "hub"]
                        self.assertEqual(hubs, [hub])
                    if fmt == "rss":
                        self.assertIn(f'<atom:link rel="hub" href="{hub}"/>', res.body)
                        self.assertIn(f'<atom:link rel="self" href="{SITE_URL}{path}"', res.body)
                    if fmt == "atom":
                        self.assertIn(f'<link rel="hub" href="{hub}"/>', res.body)
        # A WordPress path names the canonical feed as itself.
        self.assertIn(f'<{SITE_URL}/tag/ferries/feed/>; rel="self"',
                      self.site.get("/?feed=rss2&tag=ferries").headers.get("link", ""))


class NpmParserTest(unittest.TestCase):
    """The feeds read by an npm feed parser (as JavaScript readers and aggregators read them)."""

    def test_an_npm_parser_reads_every_feed(self):
        modules = node_modules()
        present = [name for name in ("@extractus/feed-extractor", "rss-parser")
                   if os.path.isfile(os.path.join(modules, name, "package.json"))]
        if not present:
            self.skipTest(f"no npm feed parser in {modules}: add \"@extractus/feed-extractor\" to package.json's "
                          "devDependencies and run `npm install` (rss-parser also works, for RSS and Atom only)")
        node = shutil.which("node")
        if not node:
            self.skipTest("node is not on PATH")
        tmp = tempfile.mkdtemp(prefix="gazette-npm-feeds-")
        self.addCleanup(shutil.rmtree, tmp, True)
        with GazetteSite(url=SITE_URL) as site:
            add_user(site, "ed@example.org", "editor", name="Ann Lee")
            token = api_token(site, "ed@example.org")
            status, _, res = api(site, "POST", "/api/admin/articles", token, {
                "title": HOSTILE, "markdown": BODY, "status": "published", "tags": ["Ferries"],
                "authors": ["Ann Lee", "Bo Chen"]})
            self.assertEqual(status, 201, res.body)
            files, expected = [], {}
            for name, base, where in (("site", "/", {}), ("tag", "/tag/ferries/", {"tag": "Ferries"}),
                                      ("author", "/author/bo-chen/", {"author": "Bo Chen"}),
                                      ("harbourton", "/tag/harbourton/", {"tag": "harbourton"})):
                arts = {f"{SITE_URL}/?p={a['id']}": a for a in site.articles("published")}
                want = [arts[i] for i in expected_ids(site, **where)]
                for fmt in FORMATS:
                    file = os.path.join(tmp, f"{name}-{fmt}." + ("json" if fmt == "json" else "xml"))
                    with open(file, "wb") as f:
                        f.write(read_feed(self, site, feed_path(base, fmt), fmt)[2].raw)
                    files.append(file)
                    expected[os.path.basename(file)] = [
                        {"id": guid(a["id"]), "title": a["title"], "link": absolute(SITE_URL + a["url"]),
                         "authors": a["authors"]} for a in want]
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "feed_parser_check.cjs")
        run = subprocess.run([node, script, modules, *files], capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, FEED_EXTRACTOR_CJS_IGNORE_WARNING="true"))
        self.assertEqual(run.returncode, 0, run.stderr[-2000:])
        out = json.loads(run.stdout)
        self.assertTrue(out["feeds"], "the parser read the feeds")
        for name, entries in out["feeds"].items():
            with self.subTest(parser=out["parser"], file=name):
                self.assertEqual(entries, expected[name])
        if out["parser"] == "@extractus/feed-extractor":
            self.assertEqual(len(out["feeds"]), len(files), "RSS, Atom and JSON Feed alike")


if __name__ == "__main__":
    unittest.main()
