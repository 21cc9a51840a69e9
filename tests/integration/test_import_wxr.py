"""`gazette import wxr FILE` on the shared WordPress exports (../shared/corpora/wxr/*.xml, or
$GAZETTE_CORPORA/wxr): the export is read independently here with xml.etree, and every post,
page, author, category, tag and comment it holds must be on the served site with its status and
threading; the pages pass the Nu checker; the old addresses answer 301 with the new ones; a
second run changes nothing; and the round trip (export wxr, import into a fresh site) gives the
same articles, pages, tags, authors and comments."""
import html
import os
import re
import shutil
import tempfile
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from harness import SOURCE_DIR, GazetteSite
from nu_checker import nu_problems

CORPORA = os.environ.get("GAZETTE_CORPORA", os.path.join(SOURCE_DIR, "..", "shared", "corpora"))
WXR_DIR = os.path.join(CORPORA, "wxr")
WP_NAMESPACES = tuple(f"{scheme}://wordpress.org/export/{v}/" for scheme in ("http", "https")
                      for v in ("1.0", "1.1", "1.2"))
STATUS = {"publish": "published", "draft": "draft", "pending": "draft", "private": "draft", "future": "draft"}
COMMENT_STATUS = {"1": "approved", "0": "pending", "": "pending", "spam": "spam", "trash": "trash"}


def plain(fragment):
    """HTML as the one line of text a reader sees."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment or "")).split())


def slugify(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def wp(el, name):
    """The text of the wp:NAME child, whichever WXR namespace the file uses."""
    for ns in WP_NAMESPACES:
        found = el.find(f"{{{ns}}}{name}")
        if found is not None:
            return (found.text or "").strip()
    return ""


def wp_all(el, name):
    return [c for ns in WP_NAMESPACES for c in el.findall(f"{{{ns}}}{name}")]


def query_id(url):
    """N of "...?p=N" (an item without wp:post_id is known by its guid, as WordPress does)."""
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url or "").query).get("p", [""])[0]


def read_export(path):
    """What the export holds, read without Gazette: authors, terms, and post/page items."""
    channel = ET.parse(path).getroot().find("channel")
    authors = {wp(a, "author_login"): wp(a, "author_display_name") or wp(a, "author_login")
               for a in wp_all(channel, "author")}
    categories = {wp(c, "category_nicename"): plain(wp(c, "cat_name")) for c in wp_all(channel, "category")}
    tags = {wp(t, "tag_slug"): plain(wp(t, "tag_name")) for t in wp_all(channel, "tag")}
    items = []
    for item in channel.findall("item"):
        kind = wp(item, "post_type")
        if kind not in ("post", "page") or wp(item, "status") == "trash":
            continue
        creator = item.findtext("{http://purl.org/dc/elements/1.1/}creator") or ""
        items.append({
            "id": wp(item, "post_id") or query_id(item.findtext("guid")) or query_id(item.findtext("link")),
            "kind": "page" if kind == "page" else "article",
            "title": plain(item.findtext("title")), "status": STATUS[wp(item, "status") or "publish"],
            "link": item.findtext("link") or "", "author": authors.get(creator, creator),
            "terms": [(c.get("domain"), plain(c.text)) for c in item.findall("category")],
            "comments": [{"id": wp(m, "comment_id"), "parent": wp(m, "comment_parent"),
                          "status": COMMENT_STATUS[wp(m, "comment_approved")],
                          "text": plain(wp(m, "comment_content"))} for m in wp_all(item, "comment")],
        })
    return {"authors": authors, "categories": categories, "tags": tags, "items": items}


def path_of(article):
    return urllib.parse.urlsplit(article["url"]).path


def location_path(res):
    return urllib.parse.urlsplit(res.headers.get("location", "")).path


class WxrCorpusCase:
    """One shared export, imported into a site served by the real binary."""
    FILE = None

    @classmethod
    def setUpClass(cls):
        cls.path = os.path.join(WXR_DIR, cls.FILE)
        if not os.path.isfile(cls.path):
            raise unittest.SkipTest(f"no export at {cls.path}")
        cls.export = read_export(cls.path)
        cls.runs = []
        cls.site = GazetteSite(demo=False, url="https://news.example",
                               prepare=lambda site: cls.runs.append(site.cli("import", "wxr", cls.path))).start()
        cls.addClassCleanup(cls.site.stop)
        cls.tmp = tempfile.mkdtemp(prefix="gazette-wxr-it-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.articles = {}  # WordPress id -> the Gazette article (found through /?p=ID)
        listed = {urllib.parse.urlsplit(a["url"]).path: a for a in cls.site.articles()}
        for item in cls.export["items"]:
            res = cls.site.get(f"/?p={item['id']}")
            if res.status == 301:
                cls.articles[item["id"]] = listed.get(location_path(res))
        cls.by_title = {}
        for a in listed.values():
            cls.by_title.setdefault(a["title"], []).append(a)

    def test_import_succeeds_with_a_summary(self):
        run = self.runs[0]
        self.assertIn(run.returncode, (0, 2), run.stderr)  # 2: some items were skipped, and listed
        self.assertIn("posts:", run.stdout)
        if run.returncode == 2:
            self.assertIn("Skipped:", run.stdout)

    def test_every_post_and_page_is_there_with_its_status_author_and_terms(self):
        listed = self.site.articles()
        self.assertEqual(len(listed), len(self.export["items"]), [a["title"] for a in listed])
        for item in self.export["items"]:
            with self.subTest(item=item["id"], title=item["title"]):
                candidates = [a for a in self.by_title.get(item["title"] or "Untitled", [])
                              if a["kind"] == item["kind"]]
                self.assertTrue(candidates, f"{item['kind']} {item['title']!r} is missing")
                a = self.articles.get(item["id"]) or candidates[0]
                self.assertEqual(a["title"], item["title"])
                self.assertEqual(a["status"], item["status"])
                self.assertIn(item["author"], a["authors"])
                slugs = {slugify(t) for t in a["tags"]}
                for domain, name in item["terms"]:
                    if domain in ("category", "post_tag"):
                        self.assertIn(slugify(name), slugs, a["tags"])

    def test_every_comment_is_there_with_its_status_and_parent(self):
        stored = self.site.comments()
        expected = [(item, m) for item in self.export["items"] for m in item["comments"] if m["text"]]
        self.assertEqual(len(stored), len(expected))
        by_text = {(" ".join(c["body"].split()), c["article_id"]): c for c in stored}
        ids = {}
        for item, m in expected:
            article = self.articles.get(item["id"])
            self.assertIsNotNone(article, f"post {item['id']} has no /?p= redirect")
            found = by_text.get((m["text"], article["id"]))
            self.assertIsNotNone(found, f"comment {m['id']} {m['text']!r} is missing")
            self.assertEqual(found["status"], m["status"])
            ids[m["id"]] = found
        for item, m in expected:
            parent = ids.get(m["parent"])
            self.assertEqual(ids[m["id"]]["parent_id"], parent["id"] if parent else None, m)

    def test_old_addresses_answer_301_with_the_new_ones(self):
        for item in self.export["items"]:
            article = self.articles.get(item["id"])
            with self.subTest(item=item["id"]):
                self.assertIsNotNone(article, f"/?p={item['id']} does not redirect")
                old = urllib.parse.urlsplit(item["link"])
                old_path = old.path + (f"?{old.query}" if old.query else "")
                if old_path and old_path not in ("/", path_of(article)):
                    res = self.site.get(old_path)
                    self.assertEqual(res.status, 301, old_path)
                    self.assertEqual(location_path(res), path_of(article))
                if item["kind"] == "page":
                    self.assertEqual(location_path(self.site.get(f"/?page_id={item['id']}")), path_of(article))
        used = {slugify(name) for item in self.export["items"] if item["status"] == "published"
                for domain, name in item["terms"] if domain == "category"}
        for slug, name in self.export["categories"].items():
            if slugify(name) not in used:
                self.assertNotEqual(self.site.get(f"/category/{slug}/").status, 301, "a redirect to no page")
                continue
            with self.subTest(category=slug):
                res = self.site.get(f"/category/{slug}/")
                self.assertEqual(res.status, 301)
                self.assertEqual(self.site.get(location_path(res)).status, 200, location_path(res))

    def test_sections_option_makes_the_used_top_level_categories_the_sections(self):
        parents = {}
        channel = ET.parse(self.path).getroot().find("channel")
        for c in wp_all(channel, "category"):
            parents[wp(c, "category_nicename")] = wp(c, "category_parent")
        used = {slugify(name) for item in self.export["items"] for domain, name in item["terms"]
                if domain == "category"}
        expected = sorted(slugify(name) for slug, name in self.export["categories"].items()
                          if not parents[slug] and slugify(name) in used)[:20]
        res = self.site.cli("import", "wxr", self.path, "--sections")
        self.assertIn(res.returncode, (0, 2), res.stderr)
        listed = self.site.cli("sections", "list", "--db", self.site.db).stdout.splitlines()
        self.assertEqual(sorted(line.split("\t")[0] for line in listed), expected)
        home = self.site.get("/").body
        for slug in expected:
            self.assertIn(f'href="/tag/{slug}/"', home)

    def test_the_imported_pages_pass_the_nu_checker(self):
        pages = {}
        for n, a in enumerate(a for a in self.site.articles("published")):
            res = self.site.get(path_of(a))
            self.assertEqual(res.status, 200, a["url"])
            pages[f"page{n}-{a['slug'][:40]}"] = res.body
        problems = nu_problems(self, pages, self.tmp)
        self.assertEqual(problems, [], "HTML errors:\n" + "\n".join(problems))

    def test_running_the_import_again_changes_nothing(self):
        before = (self.site.articles(), self.site.comments(), self.site.cli("redirects", "list").stdout)
        again = self.site.cli("import", "wxr", self.path)
        self.assertEqual(again.returncode, self.runs[0].returncode, again.stderr)
        self.assertIn("Nothing changed", again.stdout)
        self.assertEqual((self.site.articles(), self.site.comments(), self.site.cli("redirects", "list").stdout), before)

    def test_the_round_trip_through_export_wxr_keeps_everything(self):
        exported = os.path.join(self.tmp, "again.xml")
        res = self.site.cli("export", "wxr", exported)
        self.assertEqual(res.returncode, 0, res.stderr)
        with GazetteSite(demo=False, prepare=lambda site: self.assertIn(
                site.cli("import", "wxr", exported).returncode, (0, 2))) as copy:
            def articles(site):
                return sorted((a["kind"], a["title"], a["status"], a["published_at"], tuple(a["authors"]),
                               tuple(sorted(a["tags"]))) for a in site.articles())

            def comments(site):
                title = {a["id"]: a["title"] for a in site.articles()}
                by_id = {c["id"]: c for c in site.comments()}
                return sorted((title[c["article_id"]], c["name"], c["body"], c["status"], c["created_at"],
                               by_id[c["parent_id"]]["body"] if c["parent_id"] else None)
                              for c in by_id.values())

            self.assertEqual(articles(copy), articles(self.site))
            self.assertEqual(comments(copy), comments(self.site))
            for a in copy.articles("published"):
                self.assertEqual(copy.get(path_of(a)).status, 200, a["url"])


class BlockTestDataTest(WxrCorpusCase, unittest.TestCase):
    FILE = "64-block-test-data.xml"


class ThemePreviewTest(WxrCorpusCase, unittest.TestCase):
    FILE = "theme-preview.xml"


if __name__ == "__main__":
    unittest.main()
