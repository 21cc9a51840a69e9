"""The WordPress REST API v2 subset (/wp-json/): every collection's shape against the handbook's
schema (developer.wordpress.org/rest-api/reference/, the "view" context, written out below),
X-WP-Total and X-WP-TotalPages, Link rel=next/prev, _fields, _embed, search, slug, the tags and
categories filters, WordPress's error shape, no e-mail address anywhere, and npm's wpapi client
reading posts, tags and a post's comments."""
import json
import os
import shutil
import subprocess
import unittest
import urllib.parse

from comment_helpers import set_settings
from harness import SOURCE_DIR, GazetteSite
from test_content_api import add_page, published_articles

STR, INT, BOOL, OBJ, LIST = str, int, bool, dict, list
RENDERED = {"rendered": STR}
# The handbook's schemas, view context: each key with its JSON type (nested objects: their keys).
POST = {"id": INT, "date": STR, "date_gmt": STR, "guid": RENDERED, "modified": STR, "modified_gmt": STR,
        "slug": STR, "status": STR, "type": STR, "link": STR, "title": RENDERED,
        "content": {"rendered": STR, "protected": BOOL}, "excerpt": {"rendered": STR, "protected": BOOL},
        "author": INT, "featured_media": INT, "comment_status": STR, "ping_status": STR, "sticky": BOOL,
        "template": STR, "format": STR, "meta": LIST, "categories": LIST, "tags": LIST, "_links": OBJ}
PAGE = {k: v for k, v in POST.items() if k not in ("sticky", "format", "categories", "tags")}
PAGE.update({"parent": INT, "menu_order": INT})
CATEGORY = {"id": INT, "count": INT, "description": STR, "link": STR, "name": STR, "slug": STR, "taxonomy": STR,
            "parent": INT, "meta": LIST, "_links": OBJ}
TAG = {k: v for k, v in CATEGORY.items() if k != "parent"}
USER = {"id": INT, "name": STR, "url": STR, "description": STR, "link": STR, "slug": STR, "avatar_urls": OBJ,
        "meta": LIST, "_links": OBJ}
COMMENT = {"id": INT, "post": INT, "parent": INT, "author": INT, "author_name": STR, "author_url": STR,
           "date": STR, "date_gmt": STR, "content": RENDERED, "link": STR, "status": STR, "type": STR,
           "author_avatar_urls": OBJ, "meta": LIST, "_links": OBJ}
MEDIA = {"id": INT, "date": STR, "date_gmt": STR, "guid": RENDERED, "modified": STR, "modified_gmt": STR,
         "slug": STR, "status": STR, "type": STR, "link": STR, "title": RENDERED, "author": INT,
         "comment_status": STR, "ping_status": STR, "template": STR, "meta": LIST, "description": RENDERED,
         "caption": RENDERED, "alt_text": STR, "media_type": STR, "mime_type": STR, "media_details": OBJ,
         "post": INT, "source_url": STR, "_links": OBJ}
WP_DATE = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"


def node_modules():
    for candidate in (os.environ.get("GAZETTE_NODE_MODULES"), os.path.join(SOURCE_DIR, "node_modules"),
                      os.path.join(SOURCE_DIR, "..", "main", "node_modules")):
        if candidate and os.path.isfile(os.path.join(candidate, "wpapi", "package.json")):
            return os.path.abspath(candidate)
    return None


class WpRestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        def prepare(site):
            tags = site.cli("article", "list", "--format", "json", "--status", "published", "--db", site.db)
            first_tag = json.loads(tags.stdout.splitlines()[0])["tags"][0]
            cls.section = first_tag["name"] if isinstance(first_tag, dict) else first_tag
            res = site.cli("sections", "set", cls.section, "--db", site.db)
            assert res.returncode == 0, res.stderr
            add_page(site.db, "contact", "Contact the newsroom")

        cls.site = GazetteSite(prepare=prepare).start()
        cls.addClassCleanup(cls.site.stop)
        cls.url = cls.site.base_url
        set_settings(cls.site.db, {"site.url": cls.url})
        cls.published = published_articles(cls.site)

    def get(self, path, **params):
        if params:
            path += "?" + urllib.parse.urlencode(params)
        return self.site.get(path)

    def get_ok(self, path, **params):
        res = self.get(path, **params)
        self.assertEqual(res.status, 200, res.body)
        return res, json.loads(res.body)

    def assert_shape(self, item, schema, where):
        self.assertEqual(set(item) - {"_embedded"}, set(schema), where)
        for key, kind in schema.items():
            if isinstance(kind, dict):
                self.assertIsInstance(item[key], dict, f"{where}.{key}")
                self.assert_shape(item[key], kind, f"{where}.{key}")
            elif kind is INT:
                self.assertTrue(isinstance(item[key], int) and not isinstance(item[key], bool), f"{where}.{key}")
            else:
                self.assertIsInstance(item[key], kind, f"{where}.{key}")

    def test_every_collection_has_the_handbook_shape(self):
        aid = next(c["article_id"] for c in self.site.comments("approved"))
        for collection, schema, params in (("posts", POST, {}), ("categories", CATEGORY, {}), ("tags", TAG, {}),
                                           ("users", USER, {}), ("comments", COMMENT, {"post": aid}),
                                           ("pages", PAGE, {}), ("media", MEDIA, {})):
            with self.subTest(collection=collection):
                res, items = self.get_ok(f"/wp-json/wp/v2/{collection}", **params)
                self.assertIsInstance(items, list)
                total = int(res.headers["x-wp-total"])
                if len(items) < 10:  # the whole collection on one page
                    self.assertEqual(total, len(items))
                else:
                    self.assertGreaterEqual(total, len(items))
                self.assertEqual(int(res.headers["x-wp-totalpages"]), -(-total // 10))
                self.assertEqual(res.headers["access-control-allow-origin"], "*")
                for item in items:
                    self.assert_shape(item, schema, collection)
                    _, one = self.get_ok(f"/wp-json/wp/v2/{collection}/{item['id']}")
                    self.assertEqual(one, item)
                if collection != "media":
                    self.assertTrue(items, f"{collection} is not empty on the demo site")
        _, posts = self.get_ok("/wp-json/wp/v2/posts")
        for p in posts:
            self.assertRegex(p["date"], WP_DATE)
            self.assertEqual(p["status"], "publish")
            self.assertEqual(p["type"], "post")
            self.assertTrue(p["link"].startswith(self.url + "/"))
            self.assertEqual(p["_links"]["self"][0]["href"], f"{self.url}/wp-json/wp/v2/posts/{p['id']}")

    def test_pagination_headers(self):
        total = len(self.published)
        res, first = self.get_ok("/wp-json/wp/v2/posts", per_page=2)
        self.assertEqual(res.headers["x-wp-total"], str(total))
        self.assertEqual(res.headers["x-wp-totalpages"], str(-(-total // 2)))
        self.assertIn(f'<{self.url}/wp-json/wp/v2/posts?per_page=2&page=2>; rel="next"', res.headers["link"])
        res, second = self.get_ok("/wp-json/wp/v2/posts", per_page=2, page=2)
        self.assertIn('rel="prev"', res.headers["link"])
        self.assertFalse({p["id"] for p in first} & {p["id"] for p in second})
        res = self.get("/wp-json/wp/v2/posts", per_page=2, page=999)
        self.assertEqual(res.status, 400)
        self.assertEqual(json.loads(res.body)["code"], "rest_post_invalid_page_number")

    def test_fields_embed_search_slug_and_term_filters(self):
        _, only = self.get_ok("/wp-json/wp/v2/posts", _fields="id,title.rendered,link")
        for p in only:
            self.assertEqual(set(p), {"id", "title", "link"})
            self.assertEqual(set(p["title"]), {"rendered"})

        _, embedded = self.get_ok("/wp-json/wp/v2/posts", _embed="1", per_page=3)
        for p in embedded:
            e = p["_embedded"]
            self.assertEqual(e["author"][0]["id"], p["author"])
            self.assert_shape(e["author"][0], USER, "embedded author")
            self.assertEqual([t["id"] for t in e["wp:term"][1]], p["tags"])
            self.assertEqual([t["id"] for t in e["wp:term"][0]], p["categories"])
            for t in e["wp:term"][1]:
                self.assert_shape(t, TAG, "embedded tag")
        self.assertNotIn("_embedded", only[0])

        a = self.published[3]
        _, by_slug = self.get_ok("/wp-json/wp/v2/posts", slug=a["slug"])
        self.assertEqual([p["id"] for p in by_slug], [a["id"]])
        _, none = self.get_ok("/wp-json/wp/v2/posts", slug="no-such-post")
        self.assertEqual(none, [])

        word = a["title"].split()[-1].strip(".,:;'\"").lower()
        res, found = self.get_ok("/wp-json/wp/v2/posts", search=word)
        self.assertIn(a["id"], [p["id"] for p in found])
        self.assertEqual(res.headers["x-wp-total"], str(len(found)))

        _, tags = self.get_ok("/wp-json/wp/v2/tags", per_page=100)
        tag = max(tags, key=lambda t: t["count"])
        res, tagged = self.get_ok("/wp-json/wp/v2/posts", tags=tag["id"], per_page=100)
        self.assertEqual(len(tagged), tag["count"])
        self.assertTrue(all(tag["id"] in p["tags"] for p in tagged))
        _, by_tag_slug = self.get_ok("/wp-json/wp/v2/tags", slug=tag["slug"])
        self.assertEqual([t["id"] for t in by_tag_slug], [tag["id"]])

        _, categories = self.get_ok("/wp-json/wp/v2/categories")
        self.assertEqual([c["name"] for c in categories], [self.section], "categories are the sections")
        _, in_section = self.get_ok("/wp-json/wp/v2/posts", categories=categories[0]["id"], per_page=100)
        self.assertEqual(len(in_section), categories[0]["count"])
        self.assertTrue(all(categories[0]["id"] in p["categories"] for p in in_section))

    def test_pages_are_apart_from_posts(self):
        res, pages = self.get_ok("/wp-json/wp/v2/pages")
        self.assertEqual([p["slug"] for p in pages], ["contact"])
        self.assertEqual(res.headers["x-wp-total"], "1")
        page = pages[0]
        self.assertEqual((page["type"], page["link"]), ("page", self.url + "/contact/"))
        _, by_slug = self.get_ok("/wp-json/wp/v2/pages", slug="contact")
        self.assertEqual(by_slug, pages)
        _, posts = self.get_ok("/wp-json/wp/v2/posts", per_page=100)
        self.assertNotIn(page["id"], [p["id"] for p in posts])
        self.assertEqual(self.get(f"/wp-json/wp/v2/posts/{page['id']}").status, 404)
        self.assertEqual(self.get(f"/wp-json/wp/v2/pages/{posts[0]['id']}").status, 404)
        self.assertEqual(self.get("/wp-json/wp/v2/posts", slug="contact").body.strip(), "[]")

    def test_index_and_errors(self):
        _, index = self.get_ok("/wp-json/")
        self.assertEqual(index["namespaces"], ["wp/v2"])
        for key in ("name", "description", "url", "home", "routes"):
            self.assertIn(key, index)
        self.assertEqual(index["url"], self.url)
        self.assertIn("/wp/v2/posts", index["routes"])
        for path, status, code in (("/wp-json/wp/v2/posts/999999", 404, "rest_post_invalid_id"),
                                   ("/wp-json/wp/v2/nothing", 404, "rest_no_route"),
                                   ("/wp-json/wp/v2/posts?per_page=500", 400, "rest_invalid_param"),
                                   ("/wp-json/wp/v2/posts?status=draft", 400, "rest_invalid_param"),
                                   ("/wp-json/wp/v2/users/999999", 404, "rest_user_invalid_id"),
                                   ("/wp-json/wp/v2/comments/999999", 404, "rest_comment_invalid_id")):
            with self.subTest(path=path):
                res = self.site.get(path)
                self.assertEqual(res.status, status, res.body)
                err = json.loads(res.body)
                self.assertEqual(set(err) - {"data"}, {"code", "message"})
                self.assertEqual((err["code"], err["data"]["status"]), (code, status))

    def test_no_email_anywhere(self):
        paths = ["/wp-json/", "/wp-json/wp/v2/posts?per_page=100&_embed=1", "/wp-json/wp/v2/users",
                 "/wp-json/wp/v2/comments?per_page=100", "/wp-json/wp/v2/tags?per_page=100",
                 "/wp-json/wp/v2/categories", "/wp-json/wp/v2/media", "/wp-json/wp/v2/pages"]
        paths += [f"/wp-json/wp/v2/comments?post={a['id']}" for a in self.published]
        for path in paths:
            with self.subTest(path=path):
                text = self.site.get(path).body
                self.assertNotIn("@", text)
                self.assertNotIn('"email"', text)
                self.assertNotIn("author_email", text)
                self.assertNotIn("author_ip", text)

    def test_wpapi_client_reads_the_site(self):
        modules = node_modules()
        if not modules:
            self.skipTest("npm's wpapi is not installed (node_modules/wpapi): run `npm install` in /work/main")
        node = shutil.which("node")
        if not node:
            self.skipTest("node is not on PATH")
        a = self.published[2]
        word = a["title"].split()[-1].strip(".,:;'\"").lower()
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wpapi_check.cjs")
        commented = next(c["article_id"] for c in self.site.comments("approved"))
        run = subprocess.run([node, script, modules, self.url, word, str(commented)], capture_output=True, text=True,
                             timeout=60)
        self.assertEqual(run.returncode, 0, run.stderr[-2000:])
        out = json.loads(run.stdout)
        total = len(self.published)
        _, want_first = self.get_ok("/wp-json/wp/v2/posts", per_page=2)
        _, want_second = self.get_ok("/wp-json/wp/v2/posts", per_page=2, page=2)
        self.assertEqual([p["id"] for p in out["first"]["items"]], [p["id"] for p in want_first])
        self.assertEqual([p["id"] for p in out["second"]["items"]], [p["id"] for p in want_second])
        self.assertEqual(out["first"]["paging"], {"total": total, "totalPages": -(-total // 2)})
        self.assertIn(a["id"], [p["id"] for p in out["searched"]["items"]])
        _, tags = self.get_ok("/wp-json/wp/v2/tags", per_page=100)
        self.assertEqual(out["tags"], [{k: t[k] for k in ("id", "name", "slug", "count", "taxonomy")} for t in tags])
        _, comments = self.get_ok("/wp-json/wp/v2/comments", post=commented)
        self.assertTrue(comments)
        self.assertEqual([c["id"] for c in out["comments"]], [c["id"] for c in comments])
        self.assertTrue(all(c["post"] == commented for c in out["comments"]))
        self.assertEqual(out["one"]["id"], commented)


if __name__ == "__main__":
    unittest.main()
